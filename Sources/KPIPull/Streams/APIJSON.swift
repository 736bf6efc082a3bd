import Foundation
import KPISchema

/// Small readers over `JSONSerialization` output, for the documented API shapes.
enum APIJSON {
    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Text of a scalar member: strings as they are, numbers in plain form, null and absent as nil.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

    /// `2026-10-05T09:15:12-07:00`, `…Z` or `…12.345Z` as an instant.
    static func instant(_ text: String?) -> Instant? {
        text.flatMap(Instant.init(rfc3339:))
    }

    /// The landed file's form: `{"api":…,"rows":[{…}]}`, keys sorted, so an unchanged page is the same
    /// bytes (and the ledger skips it).
    ///
    /// Written here rather than by `JSONSerialization(.sortedKeys)`, which sorts with ICU collation and
    /// took most of a page's time (perf, 250 orders a page). Values are text or null.
    static func landingDocument(api: String, rows: [[String: Any]]) -> Data {
        var out = "{\"api\":" + JSONText.quoted(api) + ",\"rows\":["
        for (index, row) in rows.enumerated() {
            if index > 0 { out += "," }
            out += "{"
            for (position, key) in row.keys.sorted().enumerated() {
                if position > 0 { out += "," }
                out += JSONText.quoted(key) + ":" + (text(row[key]).map(JSONText.quoted) ?? "null")
            }
            out += "}"
        }
        return Data((out + "]}").utf8)
    }
}
