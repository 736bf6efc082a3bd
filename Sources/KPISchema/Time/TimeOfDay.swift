/// A wall-clock time within one day, to the second.
package struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package let secondsSinceMidnight: Int

    package static let midnight = TimeOfDay(secondsSinceMidnight: 0)

    package init(secondsSinceMidnight: Int) {
        self.secondsSinceMidnight = secondsSinceMidnight
    }

    /// Creates a time, or nil when a field is out of range (`24:00`, `12:61`).
    package init?(hour: Int, minute: Int, second: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        // A leap second is folded into the last second of its minute.
        self.secondsSinceMidnight = hour * 3600 + minute * 60 + min(second, 59)
    }

    /// Parses `HH:MM:SS`.
    package init?(iso text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
              let h = Int(parts[0]), let m = Int(parts[1]), let s = Int(parts[2])
        else { return nil }
        self.init(hour: h, minute: m, second: s)
    }

    package static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    package var description: String {
        let s = secondsSinceMidnight
        return "\((s / 3600).padded(2)):\((s / 60 % 60).padded(2)):\((s % 60).padded(2))"
    }
}
