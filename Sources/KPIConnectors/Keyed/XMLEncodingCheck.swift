import Foundation
import KPISchema

/// What must hold of an XML document's bytes before Foundation's parser sees them.
///
/// FoundationXML on Linux traps (a crash, not an error) when an element name holds bytes that are not
/// UTF-8 — FuzzTests found it with one flipped bit in the carrier feed — which would end the whole run
/// on one damaged file. Exports and workbook parts are UTF-8, so anything else is refused first.
enum XMLEncodingCheck {
    /// Why `data` cannot be parsed as UTF-8 XML, or nil when it can.
    static func problem(in data: Data) -> Bilingual? {
        if let declared = declaredEncoding(in: data), !["utf-8", "utf8", "us-ascii", "ascii"].contains(declared.lowercased()) {
            return Bilingual("declares encoding `\(declared)`; XML files are read as UTF-8 (re-export it as UTF-8)",
                             "声明的编码是 `\(declared)`；XML 文件按 UTF-8 读取（请重新导出为 UTF-8）")
        }
        var validator = UTF8Validator()
        validator.feed(data)
        guard validator.isCompleteAndValid else {
            return Bilingual("is not valid UTF-8 (damaged, or written in another encoding without saying so)",
                             "不是有效的 UTF-8（文件损坏，或用别的编码写入却没有声明）")
        }
        return nil
    }

    /// The `encoding` of the `<?xml …?>` declaration at the start, if any.
    static func declaredEncoding(in data: Data) -> String? {
        let head = data.prefix(200).drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        guard head.starts(with: Data("<?xml".utf8)), let end = head.firstRange(of: Data("?>".utf8)) else { return nil }
        let declaration = String(decoding: head[..<end.lowerBound], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
