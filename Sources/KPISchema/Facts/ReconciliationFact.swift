import Foundation

/// One row of `fact_reconciliation`: a metric under two profiles for one period and scope, the
/// difference, and how many records count on one side only.
public struct ReconciliationFact: Sendable, Hashable {
    public var grain: Grain
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    public var scopeType: ScopeType
    public var scopeID: String
    public var metric: String
    public var profileA: String
    public var definitionA: String
    public var valueA: Decimal?
    public var profileB: String
    public var definitionB: String
    public var valueB: Decimal?
    /// `valueB` expressed in profile A's currency (each record at the rate of the day B counts it on);
    /// equal to `valueB` when the currencies agree or the metric is not money.
    public var valueBInA: Decimal?
    /// `valueBInA − valueA`; nil when a side has no value.
    public var delta: Decimal?
    public var unit: String
    /// For money metrics, profile A's currency (the currency of `delta`).
    public var currency: String?
    /// The concepts this metric depends on whose variants differ, comma-separated.
    public var differingConcepts: String
    public var recordsOnlyA: Int
    public var recordsOnlyB: Int
    /// Records on both sides whose contribution differs (after currency conversion).
    public var recordsDiffering: Int

    public init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, scopeType: ScopeType, scopeID: String,
                metric: String, profileA: String, definitionA: String, valueA: Decimal?, profileB: String,
                definitionB: String, valueB: Decimal?, valueBInA: Decimal?, delta: Decimal?, unit: String,
                currency: String?, differingConcepts: String, recordsOnlyA: Int, recordsOnlyB: Int, recordsDiffering: Int) {
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.scopeType = scopeType
        self.scopeID = scopeID
        self.metric = metric
        self.profileA = profileA
        self.definitionA = definitionA
        self.valueA = valueA
        self.profileB = profileB
        self.definitionB = definitionB
        self.valueB = valueB
        self.valueBInA = valueBInA
        self.delta = delta
        self.unit = unit
        self.currency = currency
        self.differingConcepts = differingConcepts
        self.recordsOnlyA = recordsOnlyA
        self.recordsOnlyB = recordsOnlyB
        self.recordsDiffering = recordsDiffering
    }
}
