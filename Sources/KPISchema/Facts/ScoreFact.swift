import Foundation

/// One row of `fact_score`: a scorecard line of one person (or provider) for one period, or the
/// card's `total` row.
///
/// Every line row repeats the card's total, grade and veto so a BI tool needs no join; sum
/// `points` over rows whose `line` is not `total`.
package struct ScoreFact: Sendable, Hashable {
    package var grain: Grain
    package var periodStart: CivilDate
    package var periodEnd: CivilDate
    package var scopeType: ScopeType
    package var scopeID: String
    package var name: String
    package var role: String
    package var scorecard: String
    /// `aov`, `rating:工作态度`, or `total`.
    package var line: String
    package var profile: String?
    /// The fact's definition text (or the rating's source), so each point names its rules.
    package var definition: String?
    package var target: Decimal?
    /// Which target version and segment was used, and why (`latest at period end`, `prorated …`).
    package var targetBasis: Bilingual?
    /// Nil when the metric had no data in the period (absent, never zero).
    package var actual: Decimal?
    package var recordCount: Int?
    package var achievement: Decimal?
    /// The achievement before the curve's cap, set only when the cap cut it (a 135 % line scored as 120 %),
    /// so a reader sees that more was done than the points say.
    package var achievementUncapped: Decimal?
    /// The configured weight; `effectiveWeight` differs when lines without data are reweighted.
    package var weight: Decimal
    package var effectiveWeight: Decimal
    package var points: Decimal?
    package var total: Decimal?
    package var grade: String
    /// The vetoing violation (id, kind, day, source), if any.
    package var veto: Bilingual?
    /// Why a line scored as it did when not plain (`no data: weight reweighted`).
    package var note: Bilingual?
    /// The card's bonus coefficient (`bonus:` in scorecards.yaml) for its grade; nil when none is declared
    /// for that grade, or the card has no grade.
    package var bonus: Decimal?
    /// Why a person must look at this card before anything follows from it (a veto, the lowest grade, a
    /// bonus below 1); nil when nothing cuts pay.
    package var review: Bilingual?

    package init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, scopeType: ScopeType, scopeID: String,
                name: String, role: String, scorecard: String, line: String, profile: String? = nil,
                definition: String? = nil, target: Decimal? = nil, targetBasis: Bilingual? = nil, actual: Decimal? = nil,
                recordCount: Int? = nil, achievement: Decimal? = nil, achievementUncapped: Decimal? = nil, weight: Decimal,
                effectiveWeight: Decimal,
                points: Decimal? = nil, total: Decimal? = nil, grade: String, veto: Bilingual? = nil, note: Bilingual? = nil) {
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
        self.achievementUncapped = achievementUncapped
        self.weight = weight
        self.effectiveWeight = effectiveWeight
        self.points = points
        self.total = total
        self.grade = grade
        self.veto = veto
        self.note = note
    }
}
