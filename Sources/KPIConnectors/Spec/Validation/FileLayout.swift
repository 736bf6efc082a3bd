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
        func fail(_ message: String) -> ConnectorSpecError { ConnectorSpecError(path: path, message: message) }
        guard spec.id.range(of: #"^[a-z0-9_]+\.[a-z0-9_]+$"#, options: .regularExpression) != nil else {
            throw fail("id `\(spec.id)` must look like `platform.report` (lowercase letters, digits, _)")
        }
        formats = try Self.formats(of: spec.file, fail: fail)
        guard let encoding = SourceEncoding(name: spec.file.encoding ?? "auto") else {
            throw fail("file.encoding `\(spec.file.encoding ?? "")` must be auto, utf-8 or gb18030")
        }
        self.encoding = encoding
        headerSearchRows = max(1, spec.file.headerSearchRows ?? 10)
        if let zone = spec.timezone, Zone(zone) == nil {
            throw fail("timezone `\(zone)` is not an IANA zone name (Asia/Shanghai) or offset (+08:00)")
        }
    }

    private static func formats(of file: FileSpec, fail: (String) -> ConnectorSpecError) throws(ConnectorSpecError) -> [SourceFormat] {
        let names = (file.format ?? ["csv"]).map { $0.lowercased() }
        guard !names.isEmpty else { throw fail("file.format lists no format") }
        let delimited = names.contains("csv") || names.contains("tsv")
        if !delimited, file.delimiter != nil || file.quoting != nil { throw fail("file.delimiter and file.quoting apply to csv files only") }
        if !names.contains("xlsx"), file.sheet != nil { throw fail("file.sheet applies to xlsx files only") }
        if !names.contains("json"), !names.contains("xml"), file.records != nil { throw fail("file.records applies to json and xml files only") }
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
                default: throw fail("file.delimiter `\(file.delimiter ?? "")` must be comma, tab, semicolon or pipe")
                }
                format.quoting = file.quoting ?? true
                format.trimCells = file.trim ?? true
                out.append(.delimited(format))
            case "xlsx": out.append(.xlsx(sheet: file.sheet))
            case "json": out.append(.json(records: file.records ?? ""))
            case "jsonl", "ndjson": out.append(.jsonLines)
            case "xml":
                guard let records = file.records, !records.isEmpty else { throw fail("an xml connector needs file.records (`Shipment/Event`)") }
                out.append(.xml(records: records))
            default: throw fail("file.format `\(name)` must be csv, xlsx, json, jsonl or xml")
            }
        }
        return out
    }
}
