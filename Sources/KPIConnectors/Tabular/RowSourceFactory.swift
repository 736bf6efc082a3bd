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
                throw FileFormatError(file: context.displayPath, message: "this is \(kind), not the \(format.delimiter == UInt8(ascii: "\t") ? "tab-separated" : "comma-separated") text `\(spec.id)` "
                    + "reads; nothing of it was loaded: name a connector for its format in `sources:`, or check it with `kpibridge connectors detect`")
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
            throw FileFormatError(file: context.displayPath, message: "cannot read: \(error.localizedDescription)")
        }
    }
}
