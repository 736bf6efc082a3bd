import Foundation

/// A length of time written for people in configuration: `30m`, `6h`, `2d` (`s` for seconds too).
package struct TimeSpan: Sendable, Hashable, CustomStringConvertible {
    package let seconds: Int64
    /// As written, for messages.
    package let description: String

    /// How spans are written, for messages.
    package static let forms = "30m, 6h or 2d"
    /// ``forms`` for a Chinese sentence.
    package static let formsZh = "30m、6h 或 2d"

    package init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let count = Int64(text.dropLast()), count >= 0,
              count <= Int64.max / unit else { return nil }
        seconds = count * unit
        description = text
    }

    /// `3d 4h`, `5h 12m`, `1m 44s`: an age as people read it, in its two largest units (so an age just
    /// past a cadence never reads as equal to it).
    package static func age(seconds: Int64, _ language: DisplayLanguage = .en) -> String {
        let seconds = max(0, seconds)
        let (days, hours, minutes, rest) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60)
        // `4 天 18 小时` in Chinese.
        let (d, h, m, s) = language == .zh ? (" 天", " 小时", " 分", " 秒") : ("d", "h", "m", "s")
        if days > 0 { return "\(days)\(d) \(hours)\(h)" }
        if hours > 0 { return "\(hours)\(h) \(minutes)\(m)" }
        if minutes > 0 { return "\(minutes)\(m) \(rest)\(s)" }
        return "\(rest)\(s)"
    }
}
