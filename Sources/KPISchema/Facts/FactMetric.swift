import Foundation

/// One row of `fact_metric`: a metric's value for one period, scope and definition profile.
///
/// The columns are the contract downstream tools read (README "Fact tables"); renaming one is a
/// breaking change.
package struct FactMetric: Sendable, Hashable {
    package var grain: Grain
    package var periodStart: CivilDate
    /// The period's last day, inclusive.
    package var periodEnd: CivilDate
    /// The zone whose calendar cut the period.
    package var timezone: String
    package var scopeType: ScopeType
    package var scopeID: String
    package var metric: String
    package var profile: String
    /// The version of the profile that computed the row (a closed period keeps its version until recomputed).
    package var profileVersion: Int
    /// The profile version and the variants this metric depends on.
    package var definition: String
    package var value: Decimal
    package var numerator: Decimal?
    package var denominator: Decimal?
    /// `currency`, `count`, `ratio` or `hours`.
    package var unit: String
    /// For money metrics, the reporting currency.
    package var currency: String?
    /// How many source records fed the value.
    package var recordCount: Int

    package init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, timezone: String, scopeType: ScopeType,
                scopeID: String, metric: String, profile: String, profileVersion: Int, definition: String, value: Decimal,
                numerator: Decimal?, denominator: Decimal?, unit: String, currency: String?, recordCount: Int) {
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.timezone = timezone
        self.scopeType = scopeType
        self.scopeID = scopeID
        self.metric = metric
        self.profile = profile
        self.profileVersion = profileVersion
        self.definition = definition
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.unit = unit
        self.currency = currency
        self.recordCount = recordCount
    }

    /// The primary key of `fact_metric`.
    package struct Key: Sendable, Hashable, Comparable {
        package var grain: Grain
        package var periodStart: CivilDate
        package var scopeType: ScopeType
        package var scopeID: String
        package var metric: String
        package var profile: String

        package init(grain: Grain, periodStart: CivilDate, scopeType: ScopeType, scopeID: String, metric: String, profile: String) {
            self.grain = grain
            self.periodStart = periodStart
            self.scopeType = scopeType
            self.scopeID = scopeID
            self.metric = metric
            self.profile = profile
        }

        package static func < (a: Key, b: Key) -> Bool {
            (a.grain, a.periodStart, a.scopeType, a.scopeID, a.metric, a.profile)
                < (b.grain, b.periodStart, b.scopeType, b.scopeID, b.metric, b.profile)
        }
    }

    package var key: Key {
        Key(grain: grain, periodStart: periodStart, scopeType: scopeType, scopeID: scopeID, metric: metric, profile: profile)
    }
}
