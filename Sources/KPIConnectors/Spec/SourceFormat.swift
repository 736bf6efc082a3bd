/// How a connector's files are laid out, resolved from `file:` in its spec.
package enum SourceFormat: Sendable, Hashable {
    case delimited(DelimitedFormat)
    /// An Excel workbook; the sheet by name or 1-based position, the first when nil.
    case xlsx(sheet: String?)
    /// A JSON document and the dotted path to its records.
    case json(records: String)
    /// One JSON object per line.
    case jsonLines
    /// An XML document and the record element path.
    case xml(records: String)

    /// The short name used in specs and listings.
    package var name: String {
        switch self {
        case .delimited: "csv"
        case .xlsx: "xlsx"
        case .json: "json"
        case .jsonLines: "jsonl"
        case .xml: "xml"
        }
    }

    /// JSON and XML: the header is built from the records' keys, which leave empty members out.
    package var isKeyed: Bool {
        switch self {
        case .json, .jsonLines, .xml: true
        case .delimited, .xlsx: false
        }
    }

    /// Every extension some format claims; a file with another extension may be any format.
    package static let knownExtensions: Set<String> = Set(
        [SourceFormat.delimited(DelimitedFormat()), .xlsx(sheet: nil), .json(records: ""), .jsonLines, .xml(records: "")]
            .flatMap(\.extensions))

    /// File extensions this format is usually saved with, for detection.
    package var extensions: [String] {
        switch self {
        case .delimited: ["csv", "tsv", "txt"]
        case .xlsx: ["xlsx"]
        case .json: ["json"]
        case .jsonLines: ["jsonl", "ndjson"]
        case .xml: ["xml"]
        }
    }
}
