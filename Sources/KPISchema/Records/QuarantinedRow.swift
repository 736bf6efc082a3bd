/// A source row set aside because a value in it could not be read; never silently dropped.
package struct QuarantinedRow: Sendable, Hashable, Codable {
    package var connector: String
    package var file: String
    package var line: Int
    /// 1-based column of the offending cell, when one cell is to blame.
    package var column: Int?
    /// `file:line:column: <problem>; expected <format>`, in both languages (stored as `reason` and
    /// `reason_zh`: the row is read back by whichever team opens the report).
    package var reason: Bilingual
    /// The row's text as it stood in the file (decoded to UTF-8).
    package var raw: String

    package init(connector: String, file: String, line: Int, column: Int?, reason: Bilingual, raw: String) {
        self.connector = connector
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.raw = raw
    }
}
