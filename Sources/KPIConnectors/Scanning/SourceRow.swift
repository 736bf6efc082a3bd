/// One row of text cells from any tabular source, with where it stands in the file.
///
/// A CSV record, an XLSX sheet row, a JSON object or an XML element all arrive as this, so header
/// binding, parsing and quarantine are written once.
public struct SourceRow: Sendable, Hashable {
    /// Where the row starts: the physical line of a CSV record or XML element, the sheet row number
    /// of an XLSX row, the line of a JSON Lines record, the 1-based position in a JSON array.
    public var line: Int
    public var fields: [String]
    /// The row as it stood in the file (a CSV line, tab-joined sheet cells, a JSON object).
    public var raw: String
    /// Why the source could not read this row (a JSON Lines line that is not JSON); quarantined.
    public var problem: String?

    public init(line: Int, fields: [String], raw: String, problem: String? = nil) {
        self.line = line
        self.fields = fields
        self.raw = raw
        self.problem = problem
    }

    /// The cell at 0-based `index`, or "" past the end (exports drop trailing empty cells).
    public subscript(cell index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }
}

/// A record the scanner could not finish.
public struct DelimitedScanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the run names it (empty when scanning text that is not a file).
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var raw: String

    public var description: String { (file.isEmpty ? "" : "\(file):") + "line \(line), column \(column): \(message)" }
}
