import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KPISchema

/// Finds the records of an XML document: every element whose path ends with the records path.
///
/// With `Shipment/Event`, each `<Event>` directly inside a `<Shipment>` is a record. Inside it,
/// child text is keyed by its relative path (`Location.City`) and attributes by `@name`
/// (`Status.@code`); leaf elements and attributes of enclosing elements that come before the record
/// are `^name` (a shipment's `^TrackingNumber`).
///
/// A document that declares entities in a DTD is refused: no export needs them, an external one
/// (`SYSTEM "file:///etc/passwd"`) would read a local file into the store, and nested internal ones
/// expand a few hundred bytes into gigabytes ("billion laughs"). libxml2 resolves neither here, but
/// refusing names the reason instead of a parser error number.
package enum XMLRecords {
    package static func read(data: Data, path: String, display: String) throws(FileFormatError) -> [KeyedRecord] {
        let steps = path.split(separator: "/").map(String.init)
        guard !steps.isEmpty else {
            throw FileFormatError(file: display, message: Bilingual("an XML connector needs `file.records`, the record element path",
                                                                    "XML 连接器需要 `file.records`（记录元素的路径）"))
        }
        if let problem = XMLEncodingCheck.problem(in: data) {
            throw FileFormatError(file: display, message: problem)
        }
        if let entity = declaredEntity(in: data) {
            throw FileFormatError(file: display, message: Bilingual(
                "declares the XML entity `\(entity.name)` (line \(entity.line)); documents with entity declarations are refused (external files, expansion bombs)",
                "声明了 XML 实体 `\(entity.name)`（第 \(entity.line) 行）；带实体声明的文档一律拒绝（外部文件、膨胀攻击）"))
        }
        let collector = Collector(steps: steps)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        // Foundation on Linux may report a well-formedness error only to the delegate, so both are checked.
        guard parser.parse(), collector.error == nil, parser.parserError == nil else {
            let reason = XMLParseProblem.describe(collector.error ?? parser.parserError)
            let line = collector.errorLine ?? parser.lineNumber
            throw FileFormatError(file: display, message: Bilingual("not well-formed XML (line \(line)): \(reason)",
                                                                    "不是格式正确的 XML（第 \(line) 行；解析器：\(reason)）"))
        }
        return collector.records
    }

    /// The first `<!ENTITY` in the document type declaration, found in the bytes before parsing:
    /// FoundationXML on Linux does not report entity declarations to its delegate.
    package static func declaredEntity(in data: Data) -> (name: String, line: Int)? {
        guard let doctype = data.firstRange(of: Data("<!DOCTYPE".utf8)) else { return nil }
        // The declaration ends at `]>` when it has an internal subset, else at its first `>`.
        let rest = data[doctype.upperBound...]
        let bracket = rest.firstIndex(of: UInt8(ascii: "["))
        let close = rest.firstIndex(of: UInt8(ascii: ">")) ?? data.endIndex
        let end = bracket.map { $0 < close ? (rest[$0...].firstRange(of: Data("]>".utf8))?.upperBound ?? data.endIndex) : close }
            ?? close
        guard let found = data[doctype.lowerBound..<end].firstRange(of: Data("<!ENTITY".utf8)) else { return nil }
        let name = data[found.upperBound..<min(found.upperBound + 80, end)]
            .split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x25 }).first
        let line = data[data.startIndex..<found.lowerBound].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return (name.map { String(decoding: $0, as: UTF8.self) } ?? "?", line)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        struct Frame {
            var name: String
            var attributes: [String: String]
            var text = ""
            var hasChildren = false
            /// Leaf children seen so far, for records nested deeper (`^name`).
            var leaves: [String: String] = [:]
        }

        let steps: [String]
        var records: [KeyedRecord] = []
        private var stack: [Frame] = []
        /// Depth of the open record element and where its values go.
        private var recordDepth: Int?
        private var recordLine = 0
        private var values: [String: String] = [:]
        private var raw = ""

        var error: (any Error)?
        var errorLine: Int?

        init(steps: [String]) { self.steps = steps }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil { error = parseError; errorLine = parser.lineNumber }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
            stack.append(Frame(name: name, attributes: attributes))
            if let depth = recordDepth {
                let relative = relativePath(from: depth + 1)
                for (key, value) in attributes { values[relative + ".@" + key] = value }
                raw += "<\(name)>"
            } else if stack.count >= steps.count, zip(stack.suffix(steps.count), steps).allSatisfy({ $0.name == $1 }) {
                recordDepth = stack.count - 1
                recordLine = parser.lineNumber
                values = [:]
                for frame in stack.dropLast() {
                    for (key, value) in frame.leaves { values["^" + key] = value }
                    for (key, value) in frame.attributes { values["^@" + key] = value }
                }
                for (key, value) in attributes { values["@" + key] = value }
                raw = "<\(name)>"
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let frame = stack.popLast() else { return }
            let text = frame.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let depth = recordDepth {
                if stack.count == depth {
                    raw += "</\(name)>"
                    records.append(KeyedRecord(line: recordLine, values: values, raw: raw))
                    recordDepth = nil
                    return
                }
                if !frame.hasChildren, !text.isEmpty {
                    let key = relativePath(from: depth + 1, adding: name)
                    if values[key] == nil { values[key] = text }
                    raw += text
                }
                raw += "</\(name)>"
            } else if !frame.hasChildren, !text.isEmpty, !stack.isEmpty {
                stack[stack.count - 1].leaves[name] = text
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        /// Element names from `depth` to the top of the stack joined with dots, plus `adding`.
        private func relativePath(from depth: Int, adding last: String? = nil) -> String {
            var names = stack.count > depth ? stack[depth...].map(\.name) : []
            if let last { names.append(last) }
            return names.joined(separator: ".")
        }
    }
}
