import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Finds the records of an XML document: every element whose path ends with the records path.
///
/// With `Shipment/Event`, each `<Event>` directly inside a `<Shipment>` is a record. Inside it,
/// child text is keyed by its relative path (`Location.City`) and attributes by `@name`
/// (`Status.@code`); leaf elements and attributes of enclosing elements that come before the record
/// are `^name` (a shipment's `^TrackingNumber`). External entities are never resolved.
public enum XMLRecords {
    public static func read(data: Data, path: String, display: String) throws(FileFormatError) -> [KeyedRecord] {
        let steps = path.split(separator: "/").map(String.init)
        guard !steps.isEmpty else { throw FileFormatError(file: display, message: "an XML connector needs `file.records`, the record element path") }
        let collector = Collector(steps: steps)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        // Foundation on Linux may report a well-formedness error only to the delegate, so both are checked.
        guard parser.parse(), collector.error == nil, parser.parserError == nil else {
            let reason = (collector.error ?? parser.parserError)?.localizedDescription ?? "unknown error"
            throw FileFormatError(file: display, message: "not well-formed XML (line \(collector.errorLine ?? parser.lineNumber)): \(reason)")
        }
        return collector.records
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
