import Foundation
import KPISchema

/// The spec's identity and file layout: id, formats with their delimiters, sheet or records path,
/// encoding, header search depth and zone.
struct FileLayout {
    var formats: [SourceFormat]
    var encoding: SourceEncoding
    var headerSearchRows: Int

    var readsWorkbooks: Bool { formats.contains { if case .xlsx = $0 { true } else { false } } }

    init(_ spec: ConnectorSpec, path: String) throws(ConnectorSpecError) {
        func fail(_ problem: Bilingual) -> ConnectorSpecError { ConnectorSpecError(path: path, problem: problem) }
        guard spec.id.range(of: #"^[a-z0-9_]+\.[a-z0-9_]+$"#, options: .regularExpression) != nil else {
            throw fail(Bilingual("id `\(spec.id)` must look like `platform.report` (lowercase letters, digits, _)",
                                 "`id` `\(spec.id)` 应形如 `platform.report`（小写字母、数字、`_`）"))
        }
        formats = try Self.formats(of: spec.file, fail: fail)
        guard let encoding = SourceEncoding(name: spec.file.encoding ?? "auto") else {
            throw fail(Bilingual("file.encoding `\(spec.file.encoding ?? "")` must be auto, utf-8 or gb18030",
                                 "file.encoding `\(spec.file.encoding ?? "")` 应为 `auto`、`utf-8` 或 `gb18030`"))
        }
        self.encoding = encoding
        headerSearchRows = max(1, spec.file.headerSearchRows ?? 10)
        if let zone = spec.timezone, Zone(zone) == nil {
            throw fail(Bilingual("timezone `\(zone)` is not an IANA zone name (Asia/Shanghai) or offset (+08:00)",
                                 "时区 `\(zone)` 不是 IANA 时区名（如 Asia/Shanghai）也不是偏移量（如 +08:00）"))
        }
    }

    private static func formats(of file: FileSpec, fail: (Bilingual) -> ConnectorSpecError) throws(ConnectorSpecError) -> [SourceFormat] {
        let names = (file.format ?? ["csv"]).map { $0.lowercased() }
        guard !names.isEmpty else { throw fail(Bilingual("file.format lists no format", "file.format 没有列出任何格式")) }
        let delimited = names.contains("csv") || names.contains("tsv")
        if !delimited, file.delimiter != nil || file.quoting != nil { throw fail(Bilingual("file.delimiter and file.quoting apply to csv files only", "file.delimiter 和 file.quoting 只适用于 CSV 文件")) }
        if !names.contains("xlsx"), file.sheet != nil { throw fail(Bilingual("file.sheet applies to xlsx files only", "file.sheet 只适用于 XLSX 文件")) }
        if !names.contains("json"), !names.contains("xml"), file.records != nil { throw fail(Bilingual("file.records applies to json and xml files only", "file.records 只适用于 JSON 和 XML 文件")) }
        var out: [SourceFormat] = []
        for name in names {
            switch name {
            case "csv", "tsv":
                var format = DelimitedFormat()
                switch file.delimiter?.lowercased() {
                case "comma", ",": format.delimiter = UInt8(ascii: ",")
                case "tab", "\t": format.delimiter = UInt8(ascii: "\t")
                case "semicolon", ";": format.delimiter = UInt8(ascii: ";")
                case "pipe", "|": format.delimiter = UInt8(ascii: "|")
                case nil where name == "tsv": format.delimiter = UInt8(ascii: "\t")
                default: throw fail(Bilingual("file.delimiter `\(file.delimiter ?? "")` must be comma, tab, semicolon or pipe",
                                                         "file.delimiter `\(file.delimiter ?? "")` 应为 `comma`、`tab`、`semicolon` 或 `pipe`"))
                }
                format.quoting = file.quoting ?? true
                format.trimCells = file.trim ?? true
                out.append(.delimited(format))
            case "xlsx": out.append(.xlsx(sheet: file.sheet))
            case "json": out.append(.json(records: file.records ?? ""))
            case "jsonl", "ndjson": out.append(.jsonLines)
            case "xml":
                guard let records = file.records, !records.isEmpty else { throw fail(Bilingual("an xml connector needs file.records (`Shipment/Event`)",
                                                                                                           "XML 连接器需要 file.records（如 `Shipment/Event`）")) }
                out.append(.xml(records: records))
            default: throw fail(Bilingual("file.format `\(name)` must be csv, xlsx, json, jsonl or xml",
                                               "file.format `\(name)` 应为 `csv`、`xlsx`、`json`、`jsonl` 或 `xml`"))
            }
        }
        return out
    }
}
