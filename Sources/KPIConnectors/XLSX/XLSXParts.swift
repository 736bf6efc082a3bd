import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// Delegates for the small parts of a workbook. Each collects one thing and ignores the rest, so
// the extensions Excel, WPS and ERP writers add to these parts do no harm.

/// `xl/workbook.xml`: sheet names with their relationship ids, and the date system.
final class WorkbookPart: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String)] = []
    var uses1904 = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(name) {
        case "sheet":
            let relationship = attributes.first { localName($0.key) == "id" }?.value ?? ""
            sheets.append((attributes["name"] ?? "", relationship))
        case "workbookPr":
            let flag = attributes["date1904"]?.lowercased()
            uses1904 = flag == "1" || flag == "true"
        default: break
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part path.
final class RelationshipsPart: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if localName(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, rich-text runs joined, phonetic guides dropped.
final class SharedStringsPart: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(name) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(name) {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// `xl/styles.xml`: which cell style indexes format numbers as dates.
final class StylesPart: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var styleFormats: [Int] = []
    private var inCellStyles = false

    /// Style index (`s` attribute of a cell) → is a date or time format.
    var dateStyles: Set<Int> {
        Set(styleFormats.indices.filter { Self.isDateFormat(id: styleFormats[$0], code: customFormats[styleFormats[$0]]) })
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles: styleFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if localName(name) == "cellXfs" { inCellStyles = false }
    }

    /// Built-in ids 14–22, 27–36, 45–47 and 50–58 are dates and times (the last two ranges in CJK
    /// locales); a custom code is one if, outside quotes, escapes and `[…]`, it uses y, d, h or s.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if let code {
            var plain = ""
            var quoted = false, bracket = false, escaped = false
            for ch in code {
                if escaped { escaped = false; continue }
                switch ch {
                case "\\": escaped = true
                case "\"": quoted.toggle()
                case "[": bracket = true
                case "]": bracket = false
                default: if !quoted && !bracket { plain.append(ch) }
                }
            }
            return plain.lowercased().contains { "ydhs".contains($0) }
        }
        return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }
}

/// The name without its namespace prefix (`r:id` → `id`, `x:sheet` → `sheet`).
func localName(_ name: String) -> Substring {
    if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
    return name[...]
}
