import Foundation

/// A point in time stored as whole seconds since the Unix epoch, always UTC.
///
/// Exports carry second precision, so a fixed integer keeps comparisons exact and stable
/// across SQLite and PostgreSQL, where `Date`'s floating seconds would not.
package struct Instant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var secondsSinceEpoch: Int64

    package init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant at `time` on `date`, read as UTC.
    package init(utc date: CivilDate, _ time: TimeOfDay = .midnight) {
        self.secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(time.secondsSinceMidnight)
    }

    package static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// The UTC calendar date this instant falls on.
    package var utcDate: CivilDate {
        CivilDate(daysSinceEpoch: Int(secondsSinceEpoch.floorDiv(86_400)))
    }

    /// `2026-10-31T12:05:00Z`: the stored and exported form.
    package var iso8601: String {
        let time = TimeOfDay(secondsSinceMidnight: Int(secondsSinceEpoch.floorMod(86_400)))
        return "\(utcDate)T\(time)Z"
    }

    package var description: String { iso8601 }

    /// Parses the stored form written by ``iso8601`` (`2026-10-31T12:05:00Z`), reading bytes directly
    /// because the metric pass parses one per stored timestamp.
    package init?(iso8601 text: String) {
        var copy = text
        let parsed: Instant?? = copy.withUTF8 { b -> Instant?? in
            guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A
            else { return .some(nil) }
            let number = b.asciiNumber
            guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
                  let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
                  let date = CivilDate(year: y, month: mo, day: d), let time = TimeOfDay(hour: h, minute: mi, second: s)
            else { return .some(nil) }
            return .some(Instant(utc: date, time))
        }
        guard let instant = parsed ?? nil else { return nil }
        self = instant
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// The decimal number written in `count` ASCII digits from `from`, or nil at a non-digit.
    func asciiNumber(_ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<from + count {
            guard self[i] >= 0x30, self[i] <= 0x39 else { return nil }
            value = value * 10 + Int(self[i] - 0x30)
        }
        return value
    }
}

extension Int64 {
    /// Division rounding toward negative infinity, so pre-1970 instants map to the right day.
    func floorDiv(_ divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    func floorMod(_ divisor: Int64) -> Int64 {
        self - floorDiv(divisor) * divisor
    }
}

extension Instant {
    /// The current time, to the second.
    package static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
