import Foundation

/// One row of `fact_reconciliation`: a metric under two profiles for one period and scope, the
/// difference, and how many records count on one side only.
package struct ReconciliationFact: Sendable, Hashable {
    package var grain: Grain
    package var periodStart: CivilDate
    package var periodEnd: CivilDate
    package var scopeType: ScopeType
    package var scopeID: String
    package var metric: String
    package var profileA: String
    package var definitionA: String
    package var valueA: Decimal?
    package var profileB: String
    package var definitionB: String
    package var valueB: Decimal?
    /// `valueB` expressed in profile A's currency (each record at the rate of the day B counts it on);
    /// equal to `valueB` when the currencies agree or the metric is not money.
    package var valueBInA: Decimal?
    /// `valueBInA − valueA`; nil when a side has no value.
    package var delta: Decimal?
    package var unit: String
    /// For money metrics, profile A's currency (the currency of `delta`).
    package var currency: String?
    /// The concepts this metric depends on whose variants differ, comma-separated.
    package var differingConcepts: String
    package var recordsOnlyA: Int
    package var recordsOnlyB: Int
    /// Records on both sides whose contribution differs (after currency conversion).
    package var recordsDiffering: Int

    package init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, scopeType: ScopeType, scopeID: String,
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
