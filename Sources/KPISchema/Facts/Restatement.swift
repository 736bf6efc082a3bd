import Foundation

/// A fact of a closed period that a later refresh computed differently: the closed value stands, and this
/// says what it would be now and why.
package struct Restatement: Sendable, Hashable {
    package var grain: Grain
    package var periodStart: CivilDate
    package var scopeType: ScopeType
    package var scopeID: String
    package var metric: String
    package var profile: String
    /// The value the close froze; nil when the fact did not exist then.
    package var closedValue: Decimal?
    /// The value the records stored now give; nil when the fact would no longer exist.
    package var currentValue: Decimal?
    /// What changed since the close: records (a file loaded or retracted) or the basis (definitions, rates,
    /// roster, costs).
    package var cause: Bilingual
    /// The run that found it.
    package var runID: Int64

    package init(grain: Grain, periodStart: CivilDate, scopeType: ScopeType, scopeID: String, metric: String, profile: String,
                 closedValue: Decimal?, currentValue: Decimal?, cause: Bilingual, runID: Int64) {
        self.grain = grain
        self.periodStart = periodStart
        self.scopeType = scopeType
        self.scopeID = scopeID
        self.metric = metric
        self.profile = profile
        self.closedValue = closedValue
        self.currentValue = currentValue
        self.cause = cause
        self.runID = runID
    }
}
