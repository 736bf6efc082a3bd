/// The length of a reporting period. Weeks are ISO weeks starting on Monday; quarters are
/// calendar quarters (bonuses are often paid on them).
package enum Grain: String, Sendable, Codable, CaseIterable, Comparable {
    case day, week, month, quarter

    /// The period of this grain that contains `date`.
    package func period(containing date: CivilDate) -> Period {
        switch self {
        case .day:
            return Period(grain: self, start: date, end: date)
        case .week:
            let start = date.adding(days: 1 - date.isoWeekday)
            return Period(grain: self, start: start, end: start.adding(days: 6))
        case .month:
            let start = CivilDate(year: date.year, month: date.month, day: 1)!
            let last = CivilDate.daysIn(month: date.month, year: date.year)
            return Period(grain: self, start: start, end: CivilDate(year: date.year, month: date.month, day: last)!)
        case .quarter:
            let first = (date.month - 1) / 3 * 3 + 1
            let last = CivilDate.daysIn(month: first + 2, year: date.year)
            return Period(grain: self, start: CivilDate(year: date.year, month: first, day: 1)!,
                          end: CivilDate(year: date.year, month: first + 2, day: last)!)
        }
    }

    package static func < (lhs: Grain, rhs: Grain) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One reporting period: a grain and its first and last calendar day, both inclusive.
package struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let grain: Grain
    package let start: CivilDate
    package let end: CivilDate

    package init(grain: Grain, start: CivilDate, end: CivilDate) {
        self.grain = grain
        self.start = start
        self.end = end
    }

    /// The period a user names: `2026-10` is a month, `2026-Q4` a quarter, `2026-10-31` a day unless
    /// `grain` says which week, month or quarter contains it.
    package init?(naming text: String, grain: Grain?) {
        guard let range = DateRange(parsing: text) else { return nil }
        let chosen = grain ?? (text.uppercased().contains("Q") ? .quarter : text.count == 7 ? .month : .day)
        self = chosen.period(containing: range.start)
    }

    package var dayCount: Int { start.days(until: end) + 1 }

    /// The period of the same grain just before this one.
    package var previous: Period { grain.period(containing: start.adding(days: -1)) }

    package func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }

    package static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.grain, lhs.start) < (rhs.grain, rhs.start)
    }

    package var description: String { "\(grain.rawValue) \(start)…\(end)" }

    /// How people name the period: `2026-10`, `week of 2026-10-26`, `2026-10-31`.
    package var label: String {
        switch grain {
        case .day: start.description
        case .week: "week of \(start)"
        case .month: String(start.description.prefix(7))
        case .quarter: "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        }
    }
}
