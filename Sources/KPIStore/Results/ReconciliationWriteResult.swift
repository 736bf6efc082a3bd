/// What writing one refresh's reconciliation changed, table by table.
package struct ReconciliationWriteResult: Sendable, Hashable {
    /// `fact_reconciliation`.
    package var facts = FactWriteResult()
    /// `fact_reconciliation_bridge`.
    package var bridge = FactWriteResult()
    /// `reconciliation_detail`.
    package var details = FactWriteResult()

    package init(facts: FactWriteResult = FactWriteResult(), bridge: FactWriteResult = FactWriteResult(),
                 details: FactWriteResult = FactWriteResult()) {
        self.facts = facts
        self.bridge = bridge
        self.details = details
    }
}
