import KPISchema

/// A five-field cron time (`minute hour day-of-month month day-of-week`), validated, and rendered
/// for crontab as written and for a systemd timer's `OnCalendar=`.
///
/// Each field is kept as its set of allowed values, so `*/15`, `1-5` and `0,30` all render exactly
/// in both outputs.
package struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// A field's name (in English and Chinese) and its smallest and largest value.
    package struct Field: Sendable {
        let name: String
        let nameZh: String
        let range: ClosedRange<Int>
    }

    package static let fields = [Field(name: "minute", nameZh: "分钟", range: 0...59), Field(name: "hour", nameZh: "小时", range: 0...23),
                         Field(name: "day of month", nameZh: "日", range: 1...31), Field(name: "month", nameZh: "月", range: 1...12),
                         Field(name: "day of week", nameZh: "星期", range: 0...7)]

    /// The text as written (what crontab gets).
    package let description: String
    /// Per field, the allowed values; nil for `*`.
    package let values: [[Int]?]

    /// Parses `30 2 * * *`; a message naming the field and what is wrong otherwise.
    package init(parsing text: String) throws(CronError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 5 else {
            throw CronError(Bilingual("`\(text)` has \(parts.count) fields; cron times have 5: minute hour day-of-month month day-of-week",
                                      "`\(text)` 有 \(parts.count) 个字段；cron 时间应有 5 个：分钟 小时 日 月 星期"))
        }
        var values: [[Int]?] = []
        for (part, field) in zip(parts, Self.fields) {
            values.append(try Self.parse(part, field))
        }
        // Day of week 7 is Sunday, as 0.
        values[4] = values[4].map { Array(Set($0.map { $0 % 7 })).sorted() }
        if values[2] != nil && values[4] != nil {
            throw CronError(Bilingual(
                "`\(text)` restricts both day of month and day of week; cron runs when either matches and systemd "
                    + "only when both do, so name one of them and leave the other `*`",
                "`\(text)` 同时限定了日和星期；cron 在任一项匹配时就运行，systemd 却要两项都匹配，"
                    + "所以只写其中一项，另一项留作 `*`"))
        }
        description = parts.joined(separator: " ")
        self.values = values
    }

    private static func parse(_ part: String, _ field: Field) throws(CronError) -> [Int]? {
        if part == "*" { return nil }
        // `minute `*/0`: …`: the field and part every message here starts with.
        func fail(_ en: String, _ zh: String) -> CronError {
            CronError(Bilingual("\(field.name) `\(part)`: \(en)", "\(field.nameZh) `\(part)`：\(zh)"))
        }
        var set = Set<Int>()
        for item in part.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let pieces = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2 else { throw fail("`\(item)` has more than one `/`", "`\(item)` 含有不止一个 `/`") }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value > 0 else {
                    throw fail("the step after `/` must be a whole number above 0", "`/` 后的步长应是大于 0 的整数")
                }
                step = value
            }
            let bounds: ClosedRange<Int>
            if pieces[0] == "*" {
                bounds = field.range
            } else {
                let ends = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                guard (1...2).contains(ends.count), let low = ends.first!, let high = ends.last! else {
                    throw fail("`\(item)` is not a number, a range like 1-5, or `*`", "`\(item)` 不是数字、1-5 这样的范围或 `*`")
                }
                guard field.range.contains(low), field.range.contains(high) else {
                    throw fail("values run from \(field.range.lowerBound) to \(field.range.upperBound)",
                               "取值范围是 \(field.range.lowerBound) 到 \(field.range.upperBound)")
                }
                guard low <= high else { throw fail("the range \(low)-\(high) runs backwards", "范围 \(low)-\(high) 的起点大于终点") }
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

/// A cron time that does not parse, in words of both languages.
package struct CronError: Error, Sendable, CustomStringConvertible {
    package let sentence: Bilingual
    package init(_ sentence: Bilingual) { self.sentence = sentence }
    /// The English sentence.
    package var description: String { sentence.en }
}
