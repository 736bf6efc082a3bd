import Foundation

/// One row of `fact_pacing`: mid-period, where a scorecard line is heading against its target.
///
/// projected = actual so far ÷ elapsed share for totals (orders, gmv, sessions); for rates and
/// means the value so far is already the projection.
package struct PacingFact: Sendable, Hashable {
    package enum Status: String, Sendable, Hashable, CaseIterable {
        case onTrack = "on_track", behind, atRisk = "at_risk"
    }

    package var grain: Grain
    package var periodStart: CivilDate
    package var periodEnd: CivilDate
    /// The last full day counted (the day before the run, in the scorecard's zone).
    package var asOf: CivilDate
    package var elapsedShare: Decimal
    package var scopeType: ScopeType
    package var scopeID: String
    package var scorecard: String
    package var line: String
    package var target: Decimal
    package var actual: Decimal
    package var projected: Decimal
    /// How far the projection falls short of the target, as a share of it (negative when ahead).
    package var gap: Decimal
    package var status: Status

    package init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, asOf: CivilDate, elapsedShare: Decimal,
                scopeType: ScopeType, scopeID: String, scorecard: String, line: String, target: Decimal,
                actual: Decimal, projected: Decimal, gap: Decimal, status: Status) {
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.asOf = asOf
        self.elapsedShare = elapsedShare
        self.scopeType = scopeType
        self.scopeID = scopeID
        self.scorecard = scorecard
        self.line = line
        self.target = target
        self.actual = actual
        self.projected = projected
        self.gap = gap
        self.status = status
    }
}
