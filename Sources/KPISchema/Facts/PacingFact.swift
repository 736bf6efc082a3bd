import Foundation

/// One row of `fact_pacing`: mid-period, where a scorecard line is heading against its target.
///
/// projected = actual so far ÷ elapsed share for totals (orders, gmv, sessions); for rates and
/// means the value so far is already the projection.
public struct PacingFact: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case onTrack = "on_track", behind, atRisk = "at_risk"
    }

    public var grain: Grain
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    /// The last full day counted (the day before the run, in the scorecard's zone).
    public var asOf: CivilDate
    public var elapsedShare: Decimal
    public var scopeType: ScopeType
    public var scopeID: String
    public var scorecard: String
    public var line: String
    public var target: Decimal
    public var actual: Decimal
    public var projected: Decimal
    /// How far the projection falls short of the target, as a share of it (negative when ahead).
    public var gap: Decimal
    public var status: Status

    public init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, asOf: CivilDate, elapsedShare: Decimal,
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
