import Foundation
import KPISchema

/// Any JSON value, decoded with numbers kept exact (`Decimal`), so `19.99` is never `19.989999…`.
package enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let v = try? c.decode(Bool.self) { self = .bool(v) }
        else if let v = try? c.decode(String.self) { self = .string(v) }
        else if let v = try? c.decode(Decimal.self) { self = .number(v) }
        else if let v = try? c.decode([JSONValue].self) { self = .array(v) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// The text of a scalar; nil for null, arrays and objects.
    var scalarText: String? {
        switch self {
        case .null, .array, .object: nil
        case .bool(let v): v ? "true" : "false"
        case .number(let v): v.plainString
        case .string(let v): v
        }
    }

    /// Scalars under dotted keys; arrays of scalars joined with `,`, an empty array as empty text (of
    /// whatever it would hold: the document does not say); other arrays of objects left out (a records path
    /// reaches into those). A `null` is an empty value under its key: the key is there (see
    /// ``HeaderBinding/bind(_:header:keyed:)``), its value is not.
    func flattened(prefix: String = "", into out: inout [String: String]) {
        switch self {
        case .object(let members):
            for (key, value) in members { value.flattened(prefix: prefix.isEmpty ? key : prefix + "." + key, into: &out) }
        case .array(let items):
            // An empty list is written, as empty text: `"tags": []` says "no tags", which a missing member does not.
            let scalars = items.compactMap(\.scalarText)
            if scalars.count == items.count { out[prefix] = scalars.joined(separator: ",") }
        case .null:
            out[prefix] = ""
        default:
            if let text = scalarText { out[prefix] = text }
        }
    }

    /// Compact JSON text with sorted keys, for quarantine's `raw` column.
    var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let v): v ? "true" : "false"
        case .number(let v): v.plainString
        case .string(let v): JSONText.quoted(v)
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { JSONText.quoted($0) + ":" + members[$0]!.compactText }.joined(separator: ",") + "}"
        }
    }
}
