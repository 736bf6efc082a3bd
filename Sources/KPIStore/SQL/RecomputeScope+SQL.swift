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
}
