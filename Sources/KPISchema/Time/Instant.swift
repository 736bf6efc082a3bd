import Foundation

/// A point in time stored as whole seconds since the Unix epoch, always UTC.
///
/// Exports carry second precision, so a fixed integer keeps comparisons exact and stable
/// across SQLite and PostgreSQL, where `Date`'s floating seconds would not.
public struct Instant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant at `time` on `date`, read as UTC.
    public init(utc date: CivilDate, _ time: TimeOfDay = .midnight) {
        self.secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(time.secondsSinceMidnight)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// The UTC calendar date this instant falls on.
    public var utcDate: CivilDate {
        CivilDate(daysSinceEpoch: Int(secondsSinceEpoch.floorDiv(86_400)))
    }

    /// `2026-10-31T12:05:00Z`: the stored and exported form.
    public var iso8601: String {
        let time = TimeOfDay(secondsSinceMidnight: Int(secondsSinceEpoch.floorMod(86_400)))
        return "\(utcDate)T\(time)Z"
    }

    public var description: String { iso8601 }

    /// Parses the stored form written by ``iso8601``.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
              let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let time = TimeOfDay(iso: String(decoding: bytes[11..<19], as: UTF8.self))
        else { return nil }
        self.init(utc: date, time)
    }

    /// Hours from `self` to `later`, exact to the second.
    public func hours(until later: Instant) -> Double {
        Double(later.secondsSinceEpoch - secondsSinceEpoch) / 3600
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
    public static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
