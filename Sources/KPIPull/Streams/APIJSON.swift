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

    /// `2026-10-05T09:15:12-07:00`, `…Z` or `…12.345Z` (RFC 3339) as an instant, fractions dropped.
    ///
    /// Read by hand: a page holds hundreds of these, and a Foundation ISO 8601 formatter per call cost
    /// more than the rest of the page (about half a millisecond each, measured).
    static func instant(_ text: String?) -> Instant? {
        guard let text else { return nil }
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20,
              b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<from + count {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        var i = 19
        if b[i] == 0x2E {  // fraction
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        guard i < b.count, let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2), let h = number(11, 2),
              let mi = number(14, 2), let s = number(17, 2), let date = CivilDate(year: y, month: mo, day: d),
              let time = TimeOfDay(hour: h, minute: mi, second: s) else { return nil }
        var offset = 0
        switch b[i] {
        case 0x5A, 0x7A:
            guard i + 1 == b.count else { return nil }
        case 0x2B, 0x2D:
            guard i + 6 == b.count, b[i + 3] == 0x3A, let oh = number(i + 1, 2), let om = number(i + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 3_600 + om * 60) * (b[i] == 0x2B ? 1 : -1)
        default:
            return nil
        }
        return Instant(secondsSinceEpoch: Instant(utc: date, time).secondsSinceEpoch - Int64(offset))
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
