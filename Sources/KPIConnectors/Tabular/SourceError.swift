import KPISchema

/// An error that condemns one source file, not the run: the file is reported as failed and the
/// run's other files still load. Store failures are not `SourceError`s and stop the run.
package protocol SourceError: Error, CustomStringConvertible {}

extension FileFormatError: SourceError {}
extension MissingColumnsError: SourceError {}
extension ConnectorSpecError: SourceError {}
extension SourceFileError: SourceError {}
extension DelimitedScanError: SourceError {}
