/// How a delimited text file is laid out.
public struct DelimitedFormat: Sendable, Hashable {
    /// The field separator byte: `,` or tab (or `;` for some EU exports).
    public var delimiter: UInt8
    /// RFC 4180 quoting. Off for Amazon flat files, whose product names hold literal `"`.
    public var quoting: Bool
    /// Strip spaces and tabs around unquoted cells (TikTok ids end in a tab so Excel keeps them text).
    public var trimCells: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true, trimCells: Bool = true) {
        self.delimiter = delimiter
        self.quoting = quoting
        self.trimCells = trimCells
    }

    public static let csv = DelimitedFormat()
    public static let tsv = DelimitedFormat(delimiter: UInt8(ascii: "\t"), quoting: false)
}
