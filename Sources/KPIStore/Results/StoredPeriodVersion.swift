import KPISchema

/// One (profile, grain, period) of `fact_metric` and the version that computed it.
package struct StoredPeriodVersion: Sendable, Hashable {
    package var profile: String
    package var grain: Grain
    package var periodStart: CivilDate
    package var periodEnd: CivilDate
    package var timezone: String
    package var version: Int

    package init(profile: String, grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, timezone: String, version: Int) {
        self.profile = profile
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.timezone = timezone
        self.version = version
    }
}
