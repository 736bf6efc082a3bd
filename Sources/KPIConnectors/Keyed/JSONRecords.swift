import Foundation
import KPISchema

/// Finds the records of a JSON document (or a JSON Lines file) along a dotted records path.
///
/// `payload.Orders` reaches the array of orders inside `{"payload": {"Orders": […]}}`; each step
/// may pass through arrays (`trackers.tracking_details` visits the details of every tracker). An
/// empty path takes the document itself: each element of a top-level array, or one object.
package enum JSONRecords {
    package static func read(data: Data, path: String, display: String) throws(FileFormatError) -> [KeyedRecord] {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw FileFormatError(file: display, message: notJSON(error))
        }
        var records: [KeyedRecord] = []
        let steps = path.split(separator: ".").map(String.init)
        collect(document, steps: steps[...], inherited: [:], into: &records)
        return records
    }

    /// One record per non-blank line; a line that is not JSON becomes a row with a problem.
    package static func readLines(data: Data, display: String) -> [KeyedRecord] {
        var records: [KeyedRecord] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            do {
                let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
                var values: [String: String] = [:]
                value.flattened(into: &values)
                records.append(KeyedRecord(line: lineNumber, values: values, raw: value.compactText))
            } catch {
                records.append(KeyedRecord(line: lineNumber, values: [:], raw: text, problem: Self.notJSON(error)))
            }
        }
        return records
    }

    private static func collect(_ value: JSONValue, steps: ArraySlice<String>, inherited: [String: String],
                                into records: inout [KeyedRecord]) {
        switch value {
        case .array(let items):
            for item in items { collect(item, steps: steps, inherited: inherited, into: &records) }
        case .object(let members):
            guard let step = steps.first else {
                var values = inherited
                value.flattened(into: &values)
                records.append(KeyedRecord(line: records.count + 1, values: values, raw: value.compactText))
                return
            }
            guard let next = members[step] else { return }
            var scope = inherited
            for (key, member) in members where key != step {
                var scalars: [String: String] = [:]
                member.flattened(prefix: key, into: &scalars)
                for (name, text) in scalars { scope["^" + name] = text }
            }
            collect(next, steps: steps.dropFirst(), inherited: scope, into: &records)
        default:
            return
        }
    }

    /// The parser's own detail stays as Foundation words it (English) in both languages.
    private static func notJSON(_ error: any Error) -> Bilingual {
        let detail = describe(error)
        return Bilingual("not valid JSON: \(detail)", "不是有效的 JSON（解析器：\(detail)）")
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}
