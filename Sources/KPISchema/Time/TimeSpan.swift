import Foundation

/// A length of time written for people in configuration: `30m`, `6h`, `2d` (`s` for seconds too).
package struct TimeSpan: Sendable, Hashable, CustomStringConvertible {
    package let seconds: Int64
    /// As written, for messages.
    package let description: String

    /// How spans are written, for messages.
    package static let forms = "30m, 6h or 2d"

    package init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let count = Int64(text.dropLast()), count >= 0,
              count <= Int64.max / unit else { return nil }
        seconds = count * unit
        description = text
    }

    /// `3d 4h`, `5h 12m`, `40m`: an age as people read it, to the minute.
    package static func age(seconds: Int64) -> String {
        let minutes = max(0, seconds) / 60
        let (days, hours, rest) = (minutes / 1_440, minutes / 60 % 24, minutes % 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(rest)m" }
        return "\(rest)m"
    }
}
