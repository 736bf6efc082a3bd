import Foundation

/// A time zone by IANA name (`Asia/Shanghai`) or fixed offset (`+08:00`), used to read local
/// times from exports and to cut periods.
///
/// Offsets are looked up through Foundation's `TimeZone` once per hour bucket and cached, because
/// period assignment asks for thousands of instants in the same few zones.
package final class Zone: Sendable, Hashable, CustomStringConvertible {
    package let identifier: String
    private let timeZone: TimeZone
    private let fixedOffset: Int?
    private let cache = OffsetCache()

    package static let utc = Zone(validated: "UTC", timeZone: TimeZone(secondsFromGMT: 0)!, fixedOffset: 0)

    private init(validated identifier: String, timeZone: TimeZone, fixedOffset: Int?) {
        self.identifier = identifier
        self.timeZone = timeZone
        self.fixedOffset = fixedOffset
    }

    /// Resolves an IANA zone name or a `±HH:MM` offset; nil for anything else.
    package convenience init?(_ identifier: String) {
        if identifier == "UTC" || identifier == "Z" {
            self.init(validated: "UTC", timeZone: TimeZone(secondsFromGMT: 0)!, fixedOffset: 0)
        } else if let offset = Zone.parseOffset(identifier), let tz = TimeZone(secondsFromGMT: offset) {
            self.init(validated: Zone.formatOffset(offset), timeZone: tz, fixedOffset: offset)
        } else if identifier.contains("/"), let tz = TimeZone(identifier: identifier) {
            self.init(validated: identifier, timeZone: tz, fixedOffset: nil)
        } else {
            return nil
        }
    }

    /// Seconds east of UTC in force at `instant`.
    package func offset(at instant: Instant) -> Int {
        if let fixedOffset { return fixedOffset }
        let bucket = instant.secondsSinceEpoch.floorDiv(3600)
        if let hit = cache.get(bucket) { return hit }
        let value = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(bucket * 3600)))
        cache.set(bucket, value)
        return value
    }

    /// The local calendar date of `instant` in this zone.
    package func date(of instant: Instant) -> CivilDate {
        let local = instant.secondsSinceEpoch + Int64(offset(at: instant))
        return CivilDate(daysSinceEpoch: Int(local.floorDiv(86_400)))
    }

    /// The local wall-clock time of `instant` in this zone, as `YYYY-MM-DD HH:MM`.
    package func wallClock(of instant: Instant) -> String {
        let local = instant.secondsSinceEpoch + Int64(offset(at: instant))
        let time = TimeOfDay(secondsSinceMidnight: Int(local.floorMod(86_400)))
        return "\(CivilDate(daysSinceEpoch: Int(local.floorDiv(86_400)))) \(time.description.prefix(5))"
    }

    /// The instant a local wall-clock time names. A time in a daylight-saving gap (02:30 on the
    /// spring-forward night) moves forward by the gap, as ISO libraries do; a time that occurs twice
    /// (the autumn overlap) is read as its first occurrence.
    package func instant(localDate: CivilDate, time: TimeOfDay) -> Instant {
        let naive = Instant(utc: localDate, time).secondsSinceEpoch
        func consistent(_ candidate: Int64) -> Bool {
            candidate + Int64(offset(at: Instant(secondsSinceEpoch: candidate))) == naive
        }
        let first = naive - Int64(offset(at: Instant(secondsSinceEpoch: naive)))
        let second = naive - Int64(offset(at: Instant(secondsSinceEpoch: first)))
        switch (consistent(first), consistent(second)) {
        case (true, true): return Instant(secondsSinceEpoch: min(first, second))
        case (true, false): return Instant(secondsSinceEpoch: first)
        case (false, true): return Instant(secondsSinceEpoch: second)
        case (false, false): return Instant(secondsSinceEpoch: max(first, second))  // in a gap
        }
    }

    package var description: String { identifier }

    package static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
    package func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// Seconds east of UTC for an offset written `+08:00`, `+0800` or `-07`; nil otherwise.
    package static func offsetSeconds(_ text: String) -> Int? { parseOffset(text) }

    /// The zone name lineage records for a fixed offset: `UTC`, `+08:00`, `-07:00`.
    package static func offsetName(_ seconds: Int) -> String { formatOffset(seconds) }

    /// Parses `+08:00`, `+0800`, `-07` and `+00:00`.
    static func parseOffset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let values = digits.map { Int($0 - 48) }
        let hours = values[0] * 10 + values[1]
        let minutes = values.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours <= 18, minutes < 60 else { return nil }
        let total = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -total : total
    }

    static func formatOffset(_ seconds: Int) -> String {
        if seconds == 0 { return "UTC" }
        let sign = seconds < 0 ? "-" : "+"
        let a = abs(seconds)
        return "\(sign)\((a / 3600).padded(2)):\((a / 60 % 60).padded(2))"
    }
}

/// A tiny lock-protected memo of hour bucket → offset.
private final class OffsetCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int64: Int] = [:]

    func get(_ key: Int64) -> Int? {
        lock.lock(); defer { lock.unlock() }
        return values[key]
    }

    func set(_ key: Int64, _ value: Int) {
        lock.lock(); defer { lock.unlock() }
        if values.count > 200_000 { values.removeAll(keepingCapacity: true) }
        values[key] = value
    }
}
