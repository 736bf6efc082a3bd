extension Instant {
    /// Parses an RFC 3339 time as APIs send it — `2026-10-05T09:15:12-07:00`, `…Z`, `…12.345Z` —
    /// dropping fractions of a second.
    ///
    /// Read by hand: a pulled page holds hundreds of these, and a Foundation ISO 8601 formatter per
    /// call cost more than the rest of the page (perf, 250 Shopify orders a page).
    package init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20,
              b[13] == 0x3A, b[16] == 0x3A else { return nil }
        let number = b.asciiNumber
        var i = 19
        if b[i] == 0x2E {  // a fraction of a second
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
            guard i + 6 == b.count, b[i + 3] == 0x3A, let oh = number(i + 1, 2), let om = number(i + 4, 2), oh < 24, om < 60
            else { return nil }
            offset = (oh * 3_600 + om * 60) * (b[i] == 0x2B ? 1 : -1)
        default:
            return nil
        }
        self.init(secondsSinceEpoch: Instant(utc: date, time).secondsSinceEpoch - Int64(offset))
    }
}
