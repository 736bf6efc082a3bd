import KPISchema
import Yams

/// The keys a connector spec may use, checked before decoding so a misspelt key (`requried`,
/// `cancelled_if_presnt`) is an error naming the spec file and the key, not silently ignored.
indirect enum SpecKeys: Sendable {
    /// A mapping with exactly these keys allowed.
    case keys([String: SpecKeys])
    /// A mapping whose keys are names the user chooses (field names), each checked by the rule.
    case anyKey(SpecKeys)
    /// A list whose items are checked by the rule.
    case list(SpecKeys)
    /// A scalar, or something with a shape decoding checks.
    case value

    static let condition = SpecKeys.list(.keys(["field": .value, "equals": .value, "in": .value, "not_in": .value]))

    static let spec: SpecKeys = {
        var records: [String: SpecKeys] = [
            "order": .keys(["version": .value, "cancelled_if_present": .value]),
            "order_line": .keys(["key": .value, "amount": .value, "unit_price": .value, "version": .value]),
            "fulfillment_events": .anyKey(.keys(["at": .value, "when": condition])),
            "refund": .keys(["amount": .value, "at": .value, "id": .value, "when": condition, "absolute": .value]),
            "return": .keys(["id": .value, "when": condition]),
        ]
        for kind in FlatKind.allCases { records[kind.rawValue] = .keys(["when": condition]) }
        return .keys([
            "id": .value, "title": .value, "platform": .value, "timezone": .value, "known_columns": .value, "fill_down": .value,
            "event_authority": .value,
            "file": .keys(["format": .value, "delimiter": .value, "sheet": .value, "records": .value, "quoting": .value,
                           "encoding": .value, "trim": .value, "header_search_rows": .value]),
            "fields": .anyKey(.keys(["column": .value, "type": .value, "formats": .value, "required": .value, "map": .value,
                                     "default": .value, "decimal_comma": .value, "unit": .value, "timezone": .value])),
            "skip_rows": .list(.keys(["field": .value, "prefix": .value, "equals": .value, "empty": .value])),
            "carry_forward": .keys(["by": .value, "fields": .value]),
            "records": .keys(records),
        ])
    }()

    /// The first key `node` uses that the rule does not allow, as a dotted path.
    func unknownKey(in node: Node, at path: String = "") -> String? {
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
    func allowedKeys(at path: String) -> [String] {
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
}
