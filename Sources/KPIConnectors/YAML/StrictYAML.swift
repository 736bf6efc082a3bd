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
        } catch {
            throw ConfigProblem(file: file, sentence: sentence(for: error))
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
