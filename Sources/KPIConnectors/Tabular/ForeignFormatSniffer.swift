import Foundation
import KPISchema

/// Tells a delimited connector that the file it was given is another kind of document, in those words.
///
/// A JSON export, an XML feed, a workbook or an HTML table saved as `.xls` read as CSV fails on its header
/// with a list of "headers found" that are JSON or markup; the person then has to guess why. The first
/// bytes say it plainly.
enum ForeignFormatSniffer {
    /// The kind of document the file's first bytes show, when it is not delimited text.
    static func foreignKind(path: String) -> Bilingual? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard var head = try? handle.read(upToCount: 512), !head.isEmpty else { return nil }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return Bilingual("a zip archive (an XLSX workbook?)", "一个 zip 压缩包（XLSX 工作簿？）") }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        let text = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = text.first else { return nil }
        let next = text.dropFirst().first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        switch first {
        case UInt8(ascii: "{") where next == nil || next == UInt8(ascii: "\"") || next == UInt8(ascii: "}"):
            return Bilingual("a JSON document", "一个 JSON 文档")
        case UInt8(ascii: "[") where next.map { "{[\"]".utf8.contains($0) || (0x30...0x39).contains($0) } ?? true:
            return Bilingual("a JSON document", "一个 JSON 文档")
        case UInt8(ascii: "<"):
            let lower = String(decoding: text.prefix(64), as: UTF8.self).lowercased()
            if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || lower.hasPrefix("<table") {
                return Bilingual("an HTML page (some tools save a table as HTML named .xls)", "一个 HTML 网页（有些工具把表格存成 HTML 却命名为 .xls）")
            }
            return Bilingual("an XML document", "一个 XML 文档")
        default:
            return nil
        }
    }
}
