import KPISchema

extension RecomputeScope {
    /// An SQL condition true for rows with a date in the window in any of `columns` (UTC instants or
    /// calendar days as ISO text, which compare in time order as text).
    ///
    /// The bounds are calendar days this type renders itself, never user text: `c >= '2026-09-30'` takes
    /// the whole first day, `c < '2027-01-02'` stops before the day after the last.
    func sqlCondition(_ columns: [String], qualifier: String = "") -> String {
        guard !window.isEmpty, !columns.isEmpty else { return "1 = 0" }
        var terms: [String] = []
        for range in window {
            let low = CivilDate(daysSinceEpoch: range.lowerBound), high = CivilDate(daysSinceEpoch: range.upperBound + 1)
            for column in columns {
                let name = qualifier + StoreTable.quote(column)
                terms.append("(\(name) >= '\(low)' AND \(name) < '\(high)')")
            }
        }
        return "(" + terms.joined(separator: " OR ") + ")"
    }

    /// An SQL condition true for derived-table rows (`grain`, `period_start`) of every period the scope
    /// recomputes or whose growth rows it replaces: a superset of ``replaces(_:_:metric:)``, which still
    /// decides row by row, so a nightly refresh reads the stored rows of its periods instead of every
    /// stored row. Grains and days are rendered here, never taken from user text.
    func periodCondition(qualifier: String = "") -> String {
        let grain = qualifier + StoreTable.quote("grain"), start = qualifier + StoreTable.quote("period_start")
        var starts: [Grain: Set<CivilDate>] = [:]
        for key in periods.union(growthOnly).union(customerOnly) { starts[key.grain, default: []].insert(key.start) }
        let terms = Grain.allCases.compactMap { g -> String? in
            guard let days = starts[g] else { return nil }
            let list = days.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return "(\(grain) = '\(g.rawValue)' AND \(start) IN (\(list)))"
        }
        return terms.isEmpty ? "1 = 0" : "(" + terms.joined(separator: " OR ") + ")"
    }

    /// An SQL condition true for rows whose `column` (a calendar day as ISO text) lies in a period the scope
    /// recomputes. The bounds are days this type renders itself.
    func dayCondition(_ column: String) -> String {
        let ranges = recomputedDays
        guard !ranges.isEmpty else { return "1 = 0" }
        let name = StoreTable.quote(column)
        return "(" + ranges.map { range in
            "(\(name) >= '\(CivilDate(daysSinceEpoch: range.lowerBound))' AND \(name) <= '\(CivilDate(daysSinceEpoch: range.upperBound))')"
        }.joined(separator: " OR ") + ")"
    }
}
