/// One logical record of a delimited file, with the physical line it starts on.
public struct DelimitedRecord: Sendable, Hashable {
    /// 1-based physical line where the record starts; a quoted cell may span later lines.
    public var line: Int
    public var fields: [String]
    /// The record's text as it stood in the (UTF-8 decoded) file, without the line break.
    public var raw: String

    public init(line: Int, fields: [String], raw: String) {
        self.line = line
        self.fields = fields
        self.raw = raw
    }

    /// The cell at 0-based `index`, or "" past the end (exports drop trailing empty cells).
    public subscript(cell index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }
}

/// A record the scanner could not finish.
public struct DelimitedScanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var raw: String

    public var description: String { "line \(line), column \(column): \(message)" }
}
