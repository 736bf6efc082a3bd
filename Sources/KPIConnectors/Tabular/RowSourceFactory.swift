import Foundation
import KPISchema

/// Opens a file as rows in its connector's format.
enum RowSourceFactory {
    /// The rows, and for keyed formats (JSON, XML) the header built from the records' keys; a
    /// delimited file or sheet finds its header among its first rows instead.
    static func open(_ spec: CompiledSpec, path: String, context: SourceContext) throws -> (source: any RowSource, header: SourceRow?) {
        switch spec.format(forPath: path) {
        case .delimited(let format):
            if let kind = ForeignFormatSniffer.foreignKind(path: path) {
                let tabs = format.delimiter == UInt8(ascii: "\t")
                throw FileFormatError(file: context.displayPath, message: Bilingual(
                    "this is \(kind.en), not the \(tabs ? "tab-separated" : "comma-separated") text `\(spec.id)` "
                        + "reads; nothing of it was loaded: name a connector for its format in `sources:`, or check it with `kpibridge connectors detect`",
                    "这是\(kind.zh)，不是 `\(spec.id)` 读取的\(tabs ? "制表符分隔" : "逗号分隔")文本；其内容一概未加载："
                        + "请在 `sources:` 中为它的格式指定连接器，或用 `kpibridge connectors detect` 检查"))
            }
            var bytes: any ByteSource = try FileByteSource(path: path)
            if context.fingerprint.resolve(spec.encoding) == .gb18030 {
                bytes = try GB18030ByteSource(upstream: bytes)
            }
            return (DelimitedScanner(source: bytes, format: format, file: context.displayPath), nil)
        case .xlsx(let sheet):
            return (try XLSXWorkbook(path: path, display: context.displayPath).rows(sheet: sheet), nil)
        case .json(let records):
            let keyed = KeyedRecord.rows(try JSONRecords.read(data: try read(path, context), path: records, display: context.displayPath))
            return (keyed.rows, keyed.header)
        case .jsonLines:
            let keyed = KeyedRecord.rows(JSONRecords.readLines(data: try read(path, context), display: context.displayPath))
            return (keyed.rows, keyed.header)
        case .xml(let records):
            let keyed = KeyedRecord.rows(try XMLRecords.read(data: try read(path, context), path: records, display: context.displayPath))
            return (keyed.rows, keyed.header)
        }
    }

    private static func read(_ path: String, _ context: SourceContext) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileFormatError(file: context.displayPath, message: Bilingual("cannot read: \(error.localizedDescription)",
                                                                                "无法读取：\(error.localizedDescription)"))
        }
    }
}
