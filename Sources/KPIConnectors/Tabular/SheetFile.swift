import Foundation
import KPISchema

/// Opens a table a person keeps beside the exports (a targets sheet): CSV in UTF-8 or GB18030 (what
/// Excel on a Chinese Windows saves), or the first sheet of an XLSX workbook, told apart by extension.
package enum SheetFile {
    /// The extensions ``rows(path:display:)`` reads.
    package static let extensions = ["csv", "xlsx"]

    /// The file's rows, header included.
    package static func rows(path: String, display: String) throws -> any RowSource {
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx":
            return try XLSXWorkbook(path: path, display: display).rows(sheet: nil)
        case "csv":
            var bytes: any ByteSource = try FileByteSource(path: path)
            if try FileFingerprint.compute(path: path).resolve(.auto) == .gb18030 {
                bytes = try GB18030ByteSource(upstream: bytes)
            }
            return DelimitedScanner(source: bytes, format: .csv, file: display)
        case let other:
            throw FileFormatError(file: display, message: Bilingual("`.\(other)` is not a sheet kpibridge reads; save it as .csv or .xlsx",
                                                                    "kpibridge 不读取 `.\(other)` 表格；请另存为 .csv 或 .xlsx"))
        }
    }
}
