/// How a delimited text file is laid out.
package struct DelimitedFormat: Sendable, Hashable {
    /// The field separator byte: `,` or tab (or `;` for some EU exports).
    package var delimiter: UInt8
    /// RFC 4180 quoting. Off for Amazon flat files, whose product names hold literal `"`.
    package var quoting: Bool
    /// Strip spaces and tabs around unquoted cells (TikTok ids end in a tab so Excel keeps them text).
    package var trimCells: Bool

    package init(delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true, trimCells: Bool = true) {
        self.delimiter = delimiter
        self.quoting = quoting
        self.trimCells = trimCells
    }

    package static let csv = DelimitedFormat()
    package static let tsv = DelimitedFormat(delimiter: UInt8(ascii: "\t"), quoting: false)
}
