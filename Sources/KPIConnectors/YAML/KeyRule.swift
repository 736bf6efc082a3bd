import KPISchema
import Yams

/// The keys a YAML file may use, checked before decoding so a misspelt key (`requried`, `shpo`) is an
/// error naming the file and the key, not silently ignored.
package indirect enum KeyRule: Sendable {
    /// A mapping with exactly these keys allowed.
    case keys([String: KeyRule])
    /// A mapping whose keys are names the user chooses (field names), each checked by the rule.
    case anyKey(KeyRule)
    /// A list whose items are checked by the rule.
    case list(KeyRule)
    /// A scalar, or something with a shape decoding checks.
    case value

    /// The first key `node` uses that the rule does not allow, as a dotted path.
    package func unknownKey(in node: Node, at path: String = "") -> String? {
        switch (self, node) {
        case (.keys(let allowed), .mapping(let mapping)):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                let here = path.isEmpty ? name : path + "." + name
                guard let rule = allowed[name] else { return here }
                if let found = rule.unknownKey(in: value, at: here) { return found }
            }
        case (.anyKey(let rule), .mapping(let mapping)):
            for (key, value) in mapping {
                let here = path.isEmpty ? (key.string ?? "?") : path + "." + (key.string ?? "?")
                if let found = rule.unknownKey(in: value, at: here) { return found }
            }
        case (.list(let rule), .sequence(let items)):
            for (index, item) in items.enumerated() {
                if let found = rule.unknownKey(in: item, at: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }

    /// Close allowed names for a misspelt key, for the error message.
    package func allowedKeys(at path: String) -> [String] {
        var rule = self
        for part in path.split(separator: ".").dropLast() {
            let name = part.split(separator: "[").first.map(String.init) ?? String(part)
            switch rule {
            case .keys(let allowed): rule = allowed[name] ?? .value
            case .anyKey(let inner): rule = inner
            default: return []
            }
            if case .list(let inner) = rule { rule = inner }
        }
        if case .keys(let allowed) = rule { return allowed.keys.sorted() }
        return []
    }

    /// A mapping allowing the keys of a `CodingKeys` enumeration, with rules for those that nest.
    package static func keys<Key: CodingKey & CaseIterable>(of _: Key.Type, nested: [String: KeyRule] = [:]) -> KeyRule {
        .keys(Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.stringValue, nested[$0.stringValue] ?? .value) }))
    }

    /// The one wording every configuration file uses for a key it does not know: the dotted path, the
    /// closest allowed name when one is close, and what is allowed there.
    package static func unknownKeyMessage(_ path: String, allowed: [String]) -> String {
        unknownKey(path, allowed: allowed).en
    }

    /// ``unknownKeyMessage(_:allowed:)`` in both languages, for the workspace's own files.
    package static func unknownKey(_ path: String, allowed: [String]) -> Bilingual {
        let name = String(path.split(separator: ".").last ?? "").split(separator: "[").first.map(String.init) ?? path
        let hint = hinted(name, among: allowed)
        return Bilingual(
            "unknown key `\(path)`\(hint.en)" + (allowed.isEmpty ? "" : "; allowed here: " + allowed.joined(separator: ", ")),
            "未知的键 `\(path)`\(hint.zh)" + (allowed.isEmpty ? "" : "；此处可用：" + allowed.joined(separator: "、")))
    }

    /// ` (did you mean `x`?)` when `name` is close to one of `among`, else empty: every configuration
    /// message that names an unknown thing offers the nearest known one the same way.
    package static func hint(_ name: String, among: [String]) -> String {
        hinted(name, among: among).en
    }

    /// ``hint(_:among:)`` in both languages (`（是不是 `x`？）`).
    package static func hinted(_ name: String, among: [String]) -> Bilingual {
        guard let near = HeaderName.closest(to: [HeaderName(name)], among: among) else { return .empty }
        return Bilingual(" (did you mean `\(near)`?)", "（是不是 `\(near)`？）")
    }
}
