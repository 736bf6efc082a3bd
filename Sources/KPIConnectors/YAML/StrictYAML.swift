import KPISchema
import Yams

/// Reads YAML configuration into a `Decodable` value strictly: a key the rule does not allow is refused
/// with its dotted path and the closest allowed name, and a decoding failure names the key it failed at
/// instead of showing Swift's `DecodingError`. Connector specs and kpibridge.yaml are read this way;
/// files read key by key use ``KeyRule/unknownKeyMessage(_:allowed:)`` for the same wording.
package enum StrictYAML {
    package static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String,
                                             rule: KeyRule) throws(ConfigProblem) -> T {
        // A document Yams cannot compose is left to the decoder, which says where the syntax breaks.
        if let node = try? Yams.compose(yaml: text), let key = rule.unknownKey(in: node) {
            throw ConfigProblem(file: file, sentence: KeyRule.unknownKey(key, allowed: rule.allowedKeys(at: key)))
        }
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = keyPath(context.codingPath + [key])
            throw ConfigProblem(file: file, sentence: Bilingual("missing key `\(path)`", "缺少键 `\(path)`"))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            let path = keyPath(context.codingPath)
            throw ConfigProblem(file: file, sentence: Bilingual("at `\(path)`: \(context.debugDescription)",
                                                                "`\(path)` 处：\(context.debugDescription)"))
        } catch let DecodingError.valueNotFound(_, context) {
            let path = keyPath(context.codingPath)
            throw ConfigProblem(file: file, sentence: Bilingual("`\(path)` has no value", "`\(path)` 没有值"))
        } catch {
            // Yams' own words (where the syntax breaks), as it wrote them.
            throw ConfigProblem(file: file, sentence: Bilingual("\(error)", "YAML 无法解析：\(error)"))
        }
    }

    /// `sources[0].files`.
    package static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }
}
