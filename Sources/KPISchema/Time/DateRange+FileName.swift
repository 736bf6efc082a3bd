import Foundation

extension DateRange {
    /// The days a file's name says it covers, for reports whose rows carry no date (a Business Report,
    /// an inventory snapshot) under `period: from_name`: a re-downloaded copy under another name then
    /// needs no new line in kpibridge.yaml.
    ///
    /// Dates are digit groups standing alone in the name: `20261031` or `2026-10-31` is that day,
    /// `202610` or `2026-10` that month, and two days (`All_Orders_20261001-20261031`) the range between
    /// them. Anything else — no date, three, a month beside a day — is nil: the file then fails asking for
    /// its period, never takes a guess.
    package init?(fileName: String) {
        self.init((fileName as NSString).lastPathComponent,
                  patterns: [#"(?<![0-9])([0-9]{4})[-_.]?([0-9]{2})(?:[-_.]?([0-9]{2}))?(?![0-9])"#])
    }

    /// The days a line of text states, by the rules of ``init(fileName:)``, for `period: from_report`: a
    /// report's title line above its header (`库存盘点表 盘点日期：2026年10月31日`, `统计时间：2026/10/1 至
    /// 2026/10/31`). Separated dates may write month and day with one digit; `年月日` read like `-`.
    package init?(statedIn text: String) {
        let normalized = text.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: " ")
        self.init(normalized, patterns: [#"(?<![0-9])([0-9]{4})[-./]([0-9]{1,2})(?:[-./]([0-9]{1,2}))?(?![0-9])"#,
                                         #"(?<![0-9])([0-9]{4})([0-9]{2})([0-9]{2})?(?![0-9])"#])
    }

    /// One day, two days (the range between them) or one month found by `patterns` (year, month, optional
    /// day groups) in `name`; nil for anything else.
    private init?(_ name: String, patterns: [String]) {
        let pattern = patterns.map { "(?:\($0))" }.joined(separator: "|")
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        var days: [CivilDate] = []
        var months: [DateRange] = []
        for match in regex.matches(in: name, range: NSRange(name.startIndex..., in: name)) {
            // Each pattern has three groups (year, month, day); the one that matched has its year.
            let base = stride(from: 0, to: patterns.count * 3, by: 3).first { match.range(at: $0 + 1).location != NSNotFound } ?? 0
            let group = { (index: Int) -> Int? in
                Range(match.range(at: base + index), in: name).flatMap { Int(name[$0]) }
            }
            guard let year = group(1), let month = group(2), (2000...2100).contains(year) else { continue }
            if let day = group(3) {
                guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
                days.append(date)
            } else {
                guard let range = DateRange(parsing: String(format: "%04d-%02d", year, month)) else { return nil }
                months.append(range)
            }
        }
        switch (days.count, months.count) {
        case (1, 0): self.init(start: days[0], end: days[0])
        case (2, 0): self.init(start: min(days[0], days[1]), end: max(days[0], days[1]))
        case (0, 1): self.init(start: months[0].start, end: months[0].end)
        default: return nil
        }
    }
}
