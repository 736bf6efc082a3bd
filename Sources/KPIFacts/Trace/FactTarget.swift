import KPISchema

/// The fact row a trace explains: one metric of one profile, period and scope.
package struct FactTarget: Sendable, Hashable {
    package var metric: MetricID
    package var profile: String
    package var period: Period
    package var scopeType: ScopeType
    package var scopeID: String

    package init(metric: MetricID, profile: String, period: Period, scopeType: ScopeType, scopeID: String) {
        self.metric = metric
        self.profile = profile
        self.period = period
        self.scopeType = scopeType
        self.scopeID = scopeID
    }
}
