/// One row of `provider_status`: a service provider's tier after one closed period, and why.
package struct ProviderStatusFact: Sendable, Hashable {
    package enum Tier: String, Sendable, Hashable, CaseIterable {
        case probation, pool, warning, downgraded, terminated
    }

    package enum Result: String, Sendable, Hashable {
        case pass, fail
        /// None of the thresholds' metrics had data: the tier stands still.
        case noData = "no_data"
    }

    package var provider: String
    package var grain: Grain
    package var periodStart: CivilDate
    package var periodEnd: CivilDate
    package var before: Tier
    package var after: Tier
    package var result: Result
    /// The thresholds missed, e.g. `csat 0.8 < 0.85; on_time_ship_rate 0.88 < 0.9`.
    package var failing: String
    package var consecutiveFails: Int
    package var consecutivePasses: Int

    /// Why a person must decide before this step takes effect: a move down to `downgraded` or `terminated`
    /// ends or narrows a contract, which the tool proposes and never does alone.
    package var review: Bilingual? {
        guard after != before, after == .downgraded || after == .terminated else { return nil }
        return after == .terminated
            ? Bilingual("needs review: termination proposed after \(consecutiveFails) failing periods; a person decides",
                        "需人工复核：连续 \(consecutiveFails) 个周期未达标，建议终止合作；由人来决定")
            : Bilingual("needs review: downgrade proposed after \(consecutiveFails) failing periods; a person decides",
                        "需人工复核：连续 \(consecutiveFails) 个周期未达标，建议降级；由人来决定")
    }

    package init(provider: String, grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, before: Tier,
                after: Tier, result: Result, failing: String, consecutiveFails: Int, consecutivePasses: Int) {
        self.provider = provider
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.before = before
        self.after = after
        self.result = result
        self.failing = failing
        self.consecutiveFails = consecutiveFails
        self.consecutivePasses = consecutivePasses
    }

    /// True when the tier changed this period.
    package var isTransition: Bool { before != after }
}
