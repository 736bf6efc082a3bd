/// One row of `provider_status`: a service provider's tier after one closed period, and why.
public struct ProviderStatusFact: Sendable, Hashable {
    public enum Tier: String, Sendable, Hashable, CaseIterable {
        case probation, pool, warning, downgraded, terminated
    }

    public enum Result: String, Sendable, Hashable {
        case pass, fail
        /// None of the thresholds' metrics had data: the tier stands still.
        case noData = "no_data"
    }

    public var provider: String
    public var grain: Grain
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    public var before: Tier
    public var after: Tier
    public var result: Result
    /// The thresholds missed, e.g. `csat 0.8 < 0.85; on_time_ship_rate 0.88 < 0.9`.
    public var failing: String
    public var consecutiveFails: Int
    public var consecutivePasses: Int

    public init(provider: String, grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, before: Tier,
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
    public var isTransition: Bool { before != after }
}
