/// The roster over time: who was on the team, in what role and owning what, on each day.
///
/// Sellers keep a roster as a file they re-export when something changes; each export is a snapshot of
/// the whole team as of its date (`as_of`). A snapshot's row for a person holds from that date until the
/// next snapshot's date — whether or not the next one still lists them: someone a newer roster leaves out
/// owns nothing from its date on. An undated roster holds from the beginning. Within a row, the hire and
/// leave dates bound the days the person counts at all. So history builds itself from the files sellers
/// already keep, and moving a person between teams changes their team from that day, not for every month
/// already past.
package struct Roster: Sendable {
    /// One roster row and the days it holds (both ends included; nil for open).
    package struct Tenure: Sendable, Hashable {
        package var employee: Employee
        package var from: CivilDate?
        package var through: CivilDate?

        /// True when this row says who the person is on `date`: the row holds, and they are employed.
        package func holds(on date: CivilDate) -> Bool {
            if let from, date < from { return false }
            if let through, date > through { return false }
            return employee.isEmployed(on: date)
        }

        /// The first and last day within `first…last` this row holds and the person is employed, if any.
        package func days(from first: CivilDate, through last: CivilDate) -> (CivilDate, CivilDate)? {
            var start = first, end = last
            for bound in [from, employee.hiredOn].compactMap({ $0 }) { start = max(start, bound) }
            for bound in [through, employee.leftOn].compactMap({ $0 }) { end = min(end, bound) }
            return start <= end ? (start, end) : nil
        }
    }

    /// Every row with the days it holds, by person (in id order), then by date.
    package let tenures: [Tenure]
    /// The snapshots' dates, oldest first (nil for an undated roster, which comes first).
    package let snapshots: [CivilDate?]

    /// The history of `rows`, each dated by its ``Employee/asOf``.
    package init(_ rows: [Employee]) {
        let dates = Set(rows.map(\.asOf))
        let snapshots = dates.sorted(by: Self.isEarlier)
        self.snapshots = snapshots
        var byID: [String: [Employee]] = [:]
        for row in rows { byID[row.id, default: []].append(row) }
        var tenures: [Tenure] = []
        for id in byID.keys.sorted() {
            for row in byID[id]!.sorted(by: { Self.isEarlier($0.asOf, $1.asOf) }) {
                // Held until the day before the next snapshot, whoever that one lists.
                let next = snapshots.first { Self.isEarlier(row.asOf, $0) } ?? nil
                tenures.append(Tenure(employee: row, from: row.asOf, through: next.map { $0.adding(days: -1) }))
            }
        }
        self.tenures = tenures
    }

    /// An undated date (nil) comes before every date.
    private static func isEarlier(_ a: CivilDate?, _ b: CivilDate?) -> Bool {
        guard let b else { return false }
        guard let a else { return true }
        return a < b
    }

    package var isEmpty: Bool { tenures.isEmpty }

    /// Each person as their latest row says (the last snapshot that lists them), in id order.
    package var latest: [Employee] { Self.lastPerPerson(tenures) }

    /// Everyone on the team for at least one day of `period`, each as the last of those days finds them
    /// (the team, role and shift a card is scored in), in id order.
    package func people(in period: Period) -> [Employee] {
        Self.lastPerPerson(tenures.filter { $0.days(from: period.start, through: period.end) != nil })
    }

    /// The last row of each person among `tenures` (ordered by person, then date).
    private static func lastPerPerson(_ tenures: [Tenure]) -> [Employee] {
        var out: [Employee] = []
        for tenure in tenures {
            if out.last?.id == tenure.employee.id { out[out.count - 1] = tenure.employee } else { out.append(tenure.employee) }
        }
        return out
    }
}
