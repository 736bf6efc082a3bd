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

    /// `2026-10-05T09:15:12-07:00` or `…Z` as an instant.
    static func instant(_ text: String?) -> Instant? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = formatter.date(from: text)
        }
        return date.map { Instant(secondsSinceEpoch: Int64($0.timeIntervalSince1970.rounded(.down))) }
    }

    /// The landed file's form: `{"api": …, "rows": [...]}` with sorted keys, so an unchanged page is
    /// the same bytes (and the ledger skips it).
    static func landingDocument(api: String, rows: [[String: Any]]) -> Data {
        let document: [String: Any] = ["api": api, "rows": rows]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
