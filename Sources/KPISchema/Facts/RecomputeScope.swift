/// The periods an incremental refresh recomputes, and the records it must read to do so.
///
/// Built from the UTC days that new or changed records fall on. A UTC day is some local day between
/// the day before and the day after in every time zone a profile may use, so each touched day widens
/// to three local days before periods are picked; every grain's period containing one of those days is
/// recomputed whole. Growth metrics compare a period with the one before, so the period after each
/// recomputed one gets its growth rows recomputed too (from stored values where it is not recomputed).
/// Metrics that follow buyers look further: a repurchase rate over a trailing window changes in every
/// period whose window reaches a touched day, a retention rate in the period after; those periods get
/// their customer rows recomputed, and the window read widens to hold every order they look at.
package struct RecomputeScope: Sendable, Hashable {
    /// A period as fact tables key it: grain and first day (the same civil dates under every profile).
    package struct PeriodKey: Sendable, Hashable {
        package var grain: Grain
        package var start: CivilDate

        package init(grain: Grain, start: CivilDate) {
            self.grain = grain
            self.start = start
        }
    }

    /// Periods whose every fact row is recomputed.
    package let periods: Set<PeriodKey>
    /// Periods after a recomputed one (and not recomputed themselves): only their growth rows change.
    package let growthOnly: Set<PeriodKey>
    /// The metrics that compare a period with the one before.
    package let growthMetrics: Set<String>
    /// Periods (not recomputed themselves) whose customer rows change: their trailing window or the period
    /// before them holds a touched day.
    package let customerOnly: Set<PeriodKey>
    /// The metrics that follow buyers across periods; empty when the store has no buyer keys.
    package let customerMetrics: Set<String>
    /// UTC days whose records are read: each recomputed period's days, widened by a day on both sides,
    /// as sorted, disjoint day-number ranges (the store turns them into its SQL condition).
    package let window: [ClosedRange<Int>]

    /// The scope for records touching `days` (UTC calendar days), over `grains`. `lookback` is the longest
    /// trailing window (days) of a customer metric.
    package init(touching days: Set<CivilDate>, grains: [Grain] = Grain.allCases, growthMetrics: Set<String>,
                 customerMetrics: Set<String> = [], lookback: Int = 0) {
        self.growthMetrics = growthMetrics
        self.customerMetrics = customerMetrics
        var periods: Set<Period> = []
        var localDays: Set<CivilDate> = []
        for day in days {
            for local in [day.adding(days: -1), day, day.adding(days: 1)] {
                localDays.insert(local)
                for grain in grains { periods.insert(grain.period(containing: local)) }
            }
        }
        var customer: Set<Period> = []
        if !customerMetrics.isEmpty {
            for period in periods { customer.insert(period.grain.period(containing: period.end.adding(days: 1))) }
            for day in localDays where lookback > 1 {
                for grain in grains {
                    // Later periods starting within the window's reach of the day: a window ending in one (on its
                    // last day, or on the run's day while it is under way) may hold the day.
                    var next = grain.period(containing: grain.period(containing: day).end.adding(days: 1))
                    while next.start <= day.adding(days: lookback - 1) {
                        customer.insert(next)
                        next = grain.period(containing: next.end.adding(days: 1))
                    }
                }
            }
            customer.subtract(periods)
        }
        customerOnly = Set(customer.map { PeriodKey(grain: $0.grain, start: $0.start) })
        self.periods = Set(periods.map { PeriodKey(grain: $0.grain, start: $0.start) })
        var after: Set<PeriodKey> = []
        for period in periods {
            let next = period.grain.period(containing: period.end.adding(days: 1))
            let key = PeriodKey(grain: next.grain, start: next.start)
            if !self.periods.contains(key) { after.insert(key) }
        }
        growthOnly = after
        var spans = periods.map { ($0.start.daysSinceEpoch - 1)...($0.end.daysSinceEpoch + 1) }
        if !customerMetrics.isEmpty {
            // A customer row reads its period, the period before it and its trailing window.
            for period in periods.union(customer) {
                let first = min(period.previous.start.daysSinceEpoch, period.end.daysSinceEpoch - max(lookback, 1) + 1)
                spans.append((first - 1)...(period.end.daysSinceEpoch + 1))
            }
        }
        window = Self.merged(spans)
    }

    /// Day-number ranges sorted and joined where they overlap or touch.
    static func merged(_ spans: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var merged: [ClosedRange<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// True when nothing needs recomputing.
    package var isEmpty: Bool { periods.isEmpty }

    /// Whether fact rows of this period are recomputed.
    package func recomputes(_ grain: Grain, _ start: CivilDate) -> Bool {
        periods.contains(PeriodKey(grain: grain, start: start))
    }

    /// Whether a stored row of `metric` in this period is replaced: every row of a recomputed period, and
    /// growth rows of the period after one.
    package func replaces(_ grain: Grain, _ start: CivilDate, metric: String) -> Bool {
        let key = PeriodKey(grain: grain, start: start)
        return periods.contains(key) || (growthMetrics.contains(metric) && growthOnly.contains(key))
            || (customerMetrics.contains(metric) && customerOnly.contains(key))
    }

    /// The recomputed periods of each grain, counted for the run summary.
    package var periodCounts: [(grain: Grain, count: Int)] {
        Grain.allCases.reversed().compactMap { grain in
            let count = periods.count { $0.grain == grain }
            return count > 0 ? (grain, count) : nil
        }
    }
}
