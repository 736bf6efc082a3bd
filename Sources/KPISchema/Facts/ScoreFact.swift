import Foundation

/// One row of `fact_score`: a scorecard line of one person (or provider) for one period, or the
/// card's `total` row.
///
/// Every line row repeats the card's total, grade and veto so a BI tool needs no join; sum
/// `points` over rows whose `line` is not `total`.
public struct ScoreFact: Sendable, Hashable {
    public var grain: Grain
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    public var scopeType: ScopeType
    public var scopeID: String
    public var name: String
    public var role: String
    public var scorecard: String
    /// `aov`, `rating:工作态度`, or `total`.
    public var line: String
    public var profile: String?
    /// The fact's definition text (or the rating's source), so each point names its rules.
    public var definition: String?
    public var target: Decimal?
    /// Which target version and segment was used, and why (`latest at period end`, `prorated …`).
    public var targetBasis: String?
    /// Nil when the metric had no data in the period (absent, never zero).
    public var actual: Decimal?
    public var recordCount: Int?
    public var achievement: Decimal?
    /// The configured weight; `effectiveWeight` differs when lines without data are reweighted.
    public var weight: Decimal
    public var effectiveWeight: Decimal
    public var points: Decimal?
    public var total: Decimal?
    public var grade: String
    /// The vetoing violation (id, kind, day, source), if any.
    public var veto: String?
    /// Why a line scored as it did when not plain (`no data: weight reweighted`).
    public var note: String?

    public init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, scopeType: ScopeType, scopeID: String,
                name: String, role: String, scorecard: String, line: String, profile: String? = nil,
                definition: String? = nil, target: Decimal? = nil, targetBasis: String? = nil, actual: Decimal? = nil,
                recordCount: Int? = nil, achievement: Decimal? = nil, weight: Decimal, effectiveWeight: Decimal,
                points: Decimal? = nil, total: Decimal? = nil, grade: String, veto: String? = nil, note: String? = nil) {
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.scopeType = scopeType
        self.scopeID = scopeID
        self.name = name
        self.role = role
        self.scorecard = scorecard
        self.line = line
        self.profile = profile
        self.definition = definition
        self.target = target
        self.targetBasis = targetBasis
        self.actual = actual
        self.recordCount = recordCount
        self.achievement = achievement
        self.weight = weight
        self.effectiveWeight = effectiveWeight
        self.points = points
        self.total = total
        self.grade = grade
        self.veto = veto
        self.note = note
    }
}
