import KPISchema

/// A pipeline stage that turns one source file into normalized records.
///
/// `open` reads only as far as the header, so a run can check every file before it writes anything.
package protocol Connector: Sendable {
    var id: String { get }
    var title: String { get }
    func open(path: String, context: SourceContext) throws -> any RecordReader
}
