import KPISchema

/// A date-time layout written with the familiar letters (`yyyy-MM-dd'T'HH:mm:ssXXX`,
/// `MM/dd/yyyy hh:mm:ss a`, `MMM-dd-yy`), compiled once and matched without `DateFormatter`.
///
/// Hand-written because `DateFormatter` on Linux is slow per cell, depends on locale data, and
/// silently accepts impossible dates; here `2026-02-30`, `0000-00-00` and `24:00` are errors.
/// Numeric fields accept one or two digits (`2026/10/1 9:05`), as ERPs write them.
///
/// Layouts drift between versions of one tool, so a pattern also takes what cannot change the meaning
/// of a cell: seconds (and a fraction) after minutes it does not ask seconds of (`2026/11/01 11:32:00`
/// for `yyyy/M/d H:mm`); `-`, `/` or `.` between the parts of a year-first date; `T` or a space between
/// date and time. Never a different order of day and month: `03/04` is read as the spec says or not at all.
package struct DateTimePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case year4, year2, month, monthName, day, hour24, hour12, minute, second, fraction, ampm, offset
        case literal(UInt8)
    }

    package let text: String
    let tokens: [Token]
    /// Whether the layout writes minutes but no seconds, so seconds in a cell are tolerated.
    private let secondsOptional: Bool
    /// Whether the date starts with the year, so its separators may vary without ambiguity.
    private let yearFirst: Bool
    package var hasOffset: Bool { tokens.contains(.offset) }
    /// Whether the layout writes AM/PM itself.
    var hasMarker: Bool { tokens.contains(.ampm) }
    var hasTime: Bool { tokens.contains(.hour24) || tokens.contains(.hour12) }

    package init(_ pattern: String) throws(CellParseError) {
        text = pattern
        var result: [Token] = []
        let bytes = Array(pattern.utf8)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            var run = 1
            while i + run < bytes.count, bytes[i + run] == c { run += 1 }
            switch (Character(UnicodeScalar(c)), run) {
            case ("'", _):
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "'") { result.append(.literal(bytes[j])); j += 1 }
                i = j + 1
                continue
            case ("y", 4): result.append(.year4)
            case ("y", 2): result.append(.year2)
            case ("M", 1...2): result.append(.month)
            case ("M", 3): result.append(.monthName)
            case ("d", 1...2): result.append(.day)
            case ("H", 1...2): result.append(.hour24)
            case ("h", 1...2): result.append(.hour12)
            case ("m", 1...2): result.append(.minute)
            case ("s", 1...2): result.append(.second)
            case ("S", _): result.append(.fraction)
            case ("a", 1): result.append(.ampm)
            case ("X", _), ("x", _), ("Z", _): result.append(.offset)
            case (let ch, _) where ch.isLetter:
                throw CellParseError(problem: Bilingual("unknown pattern letter `\(ch)` in `\(pattern)`", "格式 `\(pattern)` 中有未知的格式字母 `\(ch)`"),
                                     expected: Bilingual("letters y M d H h m s S a X and quoted literals", "字母 y M d H h m s S a X 及引号内的原样文字"))
            default:
                for _ in 0..<run { result.append(.literal(c)) }
            }
            i += run
        }
        tokens = result
        secondsOptional = result.contains(.minute) && !result.contains(.second)
        yearFirst = result.first == .year4
    }

    package var description: String { text }

    /// The fields read from a cell before a zone is applied.
    struct Fields {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var pm: Bool?
        var offsetSeconds: Int?
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Matches the whole of `text`; nil when it does not fit the pattern.
    func match(_ text: String) -> Fields? {
        let b = Array(text.utf8)
        var i = 0
        var f = Fields()

        func digits(min: Int, max: Int) -> Int? {
            var value = 0, n = 0
            while n < max, i < b.count, b[i] >= 48, b[i] <= 57 {
                value = value * 10 + Int(b[i] - 48)
                i += 1; n += 1
            }
            return n >= min ? value : nil
        }

        for (position, token) in tokens.enumerated() {
            switch token {
            case .year4: guard let v = digits(min: 4, max: 4) else { return nil }; f.year = v
            case .year2: guard let v = digits(min: 2, max: 2) else { return nil }; f.year = 2000 + v
            case .month: guard let v = digits(min: 1, max: 2) else { return nil }; f.month = v
            case .day: guard let v = digits(min: 1, max: 2) else { return nil }; f.day = v
            case .hour24, .hour12: guard let v = digits(min: 1, max: 2) else { return nil }; f.hour = v
            case .minute:
                guard let v = digits(min: 2, max: 2) else { return nil }
                f.minute = v
                if secondsOptional, i + 2 < b.count, b[i] == UInt8(ascii: ":") {
                    i += 1
                    guard let s = digits(min: 2, max: 2) else { return nil }
                    f.second = s
                    if i + 1 < b.count, b[i] == UInt8(ascii: "."), b[i + 1] >= 48, b[i + 1] <= 57 {
                        i += 1
                        _ = digits(min: 1, max: 9)
                    }
                }
            case .second: guard let v = digits(min: 2, max: 2) else { return nil }; f.second = v
            case .fraction: guard digits(min: 1, max: 9) != nil else { return nil }
            case .monthName:
                guard i + 3 <= b.count else { return nil }
                let name = String(decoding: b[i..<i + 3], as: UTF8.self).lowercased()
                guard let index = Self.monthNames.firstIndex(of: name) else { return nil }
                f.month = index + 1
                i += 3
            case .ampm:
                guard i + 2 <= b.count else { return nil }
                let word = String(decoding: b[i..<i + 2], as: UTF8.self).uppercased()
                guard word == "AM" || word == "PM" else { return nil }
                f.pm = word == "PM"
                i += 2
            case .offset:
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: "Z") {
                    f.offsetSeconds = 0
                    i += 1
                } else {
                    var j = i + 1
                    while j < b.count, (b[j] >= 48 && b[j] <= 57) || b[j] == UInt8(ascii: ":") { j += 1 }
                    guard let seconds = Zone.offsetSeconds(String(decoding: b[i..<j], as: UTF8.self)) else { return nil }
                    f.offsetSeconds = seconds
                    i = j
                }
            case .literal(let c):
                guard i < b.count else { return nil }
                if b[i] != c && !interchangeable(c, b[i], at: position) { return nil }
                i += 1
            }
        }
        guard i == b.count else { return nil }
        if let pm = f.pm {
            guard (1...12).contains(f.hour) else { return nil }
            f.hour = f.hour % 12 + (pm ? 12 : 0)
        }
        return f
    }

    private static let dateSeparators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")]
    private static let dateTimeSeparators: Set<UInt8> = [UInt8(ascii: "T"), UInt8(ascii: " ")]

    /// Whether `found` may stand for the pattern's literal `wanted` at token `position`: a date separator
    /// between two date parts of a year-first date, or the date/time separator after the day.
    private func interchangeable(_ wanted: UInt8, _ found: UInt8, at position: Int) -> Bool {
        guard position > 0, position + 1 < tokens.count else { return false }
        let before = tokens[position - 1], after = tokens[position + 1]
        let dateParts: Set<Token> = [.year4, .month, .day]
        if yearFirst, Self.dateSeparators.contains(wanted), Self.dateSeparators.contains(found),
           dateParts.contains(before), dateParts.contains(after) {
            return true
        }
        return Self.dateTimeSeparators.contains(wanted) && Self.dateTimeSeparators.contains(found)
            && before == .day && (after == .hour24 || after == .hour12)
    }
}
