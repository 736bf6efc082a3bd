/// A five-field cron time (`minute hour day-of-month month day-of-week`), validated, and rendered
/// for crontab as written and for a systemd timer's `OnCalendar=`.
///
/// Each field is kept as its set of allowed values, so `*/15`, `1-5` and `0,30` all render exactly
/// in both outputs.
package struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// A field's name and its smallest and largest value.
    package struct Field: Sendable {
        let name: String
        let range: ClosedRange<Int>
    }

    package static let fields = [Field(name: "minute", range: 0...59), Field(name: "hour", range: 0...23),
                         Field(name: "day of month", range: 1...31), Field(name: "month", range: 1...12),
                         Field(name: "day of week", range: 0...7)]

    /// The text as written (what crontab gets).
    package let description: String
    /// Per field, the allowed values; nil for `*`.
    package let values: [[Int]?]

    /// Parses `30 2 * * *`; a message naming the field and what is wrong otherwise.
    package init(parsing text: String) throws(CronError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 5 else {
            throw CronError("`\(text)` has \(parts.count) fields; cron times have 5: minute hour day-of-month month day-of-week")
        }
        var values: [[Int]?] = []
        for (part, field) in zip(parts, Self.fields) {
            values.append(try Self.parse(part, field))
        }
        // Day of week 7 is Sunday, as 0.
        values[4] = values[4].map { Array(Set($0.map { $0 % 7 })).sorted() }
        if values[2] != nil && values[4] != nil {
            throw CronError("`\(text)` restricts both day of month and day of week; cron runs when either matches and systemd "
                            + "only when both do, so name one of them and leave the other `*`")
        }
        description = parts.joined(separator: " ")
        self.values = values
    }

    private static func parse(_ part: String, _ field: Field) throws(CronError) -> [Int]? {
        if part == "*" { return nil }
        var set = Set<Int>()
        for item in part.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let pieces = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2 else { throw CronError("\(field.name) `\(part)`: `\(item)` has more than one `/`") }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value > 0 else {
                    throw CronError("\(field.name) `\(part)`: the step after `/` must be a whole number above 0")
                }
                step = value
            }
            let bounds: ClosedRange<Int>
            if pieces[0] == "*" {
                bounds = field.range
            } else {
                let ends = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                guard (1...2).contains(ends.count), let low = ends.first!, let high = ends.last! else {
                    throw CronError("\(field.name) `\(part)`: `\(item)` is not a number, a range like 1-5, or `*`")
                }
                guard field.range.contains(low), field.range.contains(high) else {
                    throw CronError("\(field.name) `\(part)`: values run from \(field.range.lowerBound) to \(field.range.upperBound)")
                }
                guard low <= high else { throw CronError("\(field.name) `\(part)`: the range \(low)-\(high) runs backwards") }
                // `5/15` means from 5 to the end in steps of 15.
                bounds = ends.count == 1 && pieces.count == 2 ? low...field.range.upperBound : low...high
            }
            set.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return set.sorted()
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `OnCalendar=` text in `zone`: `*-*-* 02:30:00 Asia/Shanghai`, `Mon,Fri *-*-01 00,12:00:00 UTC`.
    package func onCalendar(zone: String) -> String {
        func list(_ index: Int, width: Int) -> String {
            values[index].map { $0.map { width == 2 && $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ",") } ?? "*"
        }
        let weekday = values[4].map { $0.map { Self.weekdays[$0] }.joined(separator: ",") + " " } ?? ""
        return "\(weekday)*-\(list(3, width: 2))-\(list(2, width: 2)) \(list(1, width: 2)):\(list(0, width: 2)):00 \(zone)"
    }
}

/// A cron time that does not parse, in words.
package struct CronError: Error, Sendable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
