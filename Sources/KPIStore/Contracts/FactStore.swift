import KPISchema

/// Metric and reconciliation facts, the pending changes that decide what to recompute, and the definitions that computed them.
///
/// Every method is one transaction. Part of ``WarehouseStore``; a job asks only for the part it needs.
package protocol FactStore: Sendable {
    /// Makes `fact_metric` equal `facts` — within the periods `scope` replaces, when given — touching
    /// only rows whose values changed. Rows of a closed period stay; where `facts` differ from them, a
    /// restatement row says so, with `cause`.
    func replaceFactMetrics(_ facts: [FactMetric], within scope: RecomputeScope?, runID: Int64,
                            restating cause: Bilingual) throws -> FactWriteResult
    /// Closes `period` as its facts, reconciliation and scores stand; false when it is closed already.
    func closePeriod(_ period: Period, by who: String, runID: Int64, at instant: Instant) throws -> Bool
    /// Reopens `period` with the reason, dropping its restatements; false when it was not closed.
    func reopenPeriod(_ period: Period, by who: String, reason: String, at instant: Instant) throws -> Bool
    /// The closes in force.
    func closedPeriods() throws -> ClosedPeriods
    /// Facts of closed periods that the records stored now give differently.
    func restatements() throws -> [Restatement]
    /// For each restatement `runID` wrote, the files loaded after the close whose records are behind the fact now,
    /// each marked a correction when a file of that name was loaded before the close.
    func restatementSources(runID: Int64) throws -> [(restatement: Restatement, files: [(file: String, correction: Bool)])]
    /// Rewrites the cause of restatements `runID` wrote.
    func setRestatementCauses(_ causes: [(restatement: Restatement, cause: Bilingual)], runID: Int64) throws
    /// What loads changed since the last completed refresh, and that refresh's basis and clock.
    func pendingRefresh() throws -> PendingRefresh
    /// Makes the orders left out as copies equal `skips`, marking those whose counting changed for the
    /// refresh; returns how many changed.
    func settleSameOrders(_ skips: [SameOrderSkip], runID: Int64) throws -> Int
    /// Records a completed refresh: forgets the pending changes it covered, keeps its basis and clock.
    func completeRefresh(basis: String, asOf: Instant, runID: Int64) throws
    /// Which profile version computed each stored (profile, grain, period).
    func factPeriodVersions() throws -> [StoredPeriodVersion]
    /// The definition versions earlier runs recorded, one row per concept.
    func recordedDefinitions() throws -> [DefinitionRow]
    /// Records the definition versions a run used (replacing rows of the same profile, version and concept).
    func recordDefinitions(_ rows: [DefinitionRow], runID: Int64) throws
    /// Writes `dim_metric`, the catalog's labels for BI tools.
    func recordMetricLabels(_ labels: [MetricLabel]) throws
    /// Makes `fact_reconciliation`, `fact_reconciliation_bridge` and `reconciliation_detail` equal the
    /// given rows (within `scope`'s periods, when given).
    func replaceReconciliation(_ rows: [ReconciliationFact], bridge: [BridgeStep], details: DetailRows,
                               within scope: RecomputeScope?, runID: Int64) throws -> ReconciliationWriteResult
    /// The stored `fact_metric` rows, in key order (what `score` and `explain` read).
    func factMetrics() throws -> [FactMetric]
    /// Makes `record_credits` hold `credits` on the days of the periods `scope` recomputes (every day when nil).
    func replaceCredits(_ credits: CreditRows, within scope: RecomputeScope?, runID: Int64) throws
    /// Makes `dim_metric_basis` hold `rows`: which bases of records each metric reads.
    func recordMetricBases(_ rows: [(metric: String, basis: String, recordKind: String)]) throws
}

extension FactStore {
    /// Makes `fact_metric` equal `facts` in every period.
    package func replaceFactMetrics(_ facts: [FactMetric], runID: Int64) throws -> FactWriteResult {
        try replaceFactMetrics(facts, within: nil, runID: runID)
    }

    /// Makes `fact_metric` equal `facts` (within `scope`), a restatement's cause being a refresh of records.
    package func replaceFactMetrics(_ facts: [FactMetric], within scope: RecomputeScope?, runID: Int64) throws -> FactWriteResult {
        try replaceFactMetrics(facts, within: scope, runID: runID, restating: Bilingual("records changed since the close", "结账后记录有变化"))
    }

    /// Makes the reconciliation tables equal the given rows in every period.
    package func replaceReconciliation(_ rows: [ReconciliationFact], bridge: [BridgeStep] = [],
                                       details: [ReconciliationDetail], runID: Int64) throws -> ReconciliationWriteResult
    {
        try replaceReconciliation(rows, bridge: bridge, details: DetailRows(details), within: nil, runID: runID)
    }
}
