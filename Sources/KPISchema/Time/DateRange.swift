/// An inclusive span of calendar days, as a user writes it: `2026-10`, `2026-Q4`,
/// `2026-10-01..2026-10-31` or a single day `2026-10-31`.
package struct DateRange: Sendable, Hashable, CustomStringConvertible {
    package let start: CivilDate
    package let end: CivilDate

    package init?(start: CivilDate, end: CivilDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    package init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true)
        if text.contains(".."), parts.count == 2, let a = CivilDate(iso: String(parts[0])), let b = CivilDate(iso: String(parts[1])) {
            self.init(start: a, end: b)
        } else if let day = CivilDate(iso: text) {
            self.init(start: day, end: day)
        } else {
            let pieces = text.split(separator: "-")
            if pieces.count == 2, pieces[0].count == 4, let year = Int(pieces[0]), pieces[1].count == 2,
               pieces[1].first == "Q" || pieces[1].first == "q", let quarter = Int(pieces[1].dropFirst()), (1...4).contains(quarter) {
                let period = Grain.quarter.period(containing: CivilDate(year: year, month: quarter * 3, day: 1)!)
                self.init(start: period.start, end: period.end)
                return
            }
            guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2,
                  let year = Int(pieces[0]), let month = Int(pieces[1]),
                  let first = CivilDate(year: year, month: month, day: 1) else { return nil }
            self.init(start: first, end: CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!)
        }
    }

    package var description: String { start == end ? "\(start)" : "\(start)..\(end)" }
}
