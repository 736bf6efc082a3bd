/// The days whose per-record rows (the lineage credits) a refresh rewrites: every day of a period it
/// recomputes whole, whose records it reads in full.
extension RecomputeScope {
    /// The days of the recomputed periods, as sorted, disjoint day-number ranges.
    package var recomputedDays: [ClosedRange<Int>] {
        Self.merged(periods.map { key in
            let period = key.grain.period(containing: key.start)
            return period.start.daysSinceEpoch...period.end.daysSinceEpoch
        })
    }
}
