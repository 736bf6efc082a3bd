import Foundation
import GRDB
import KPISchema

extension SQLiteStore {
    static let reconciliationWriter = KeyedTableWriter(
        table: "fact_reconciliation",
        columns: StoreTable.factReconciliation.columns.filter { $0 != "run_id" },
        key: StoreTable.factReconciliation.orderBy,
        numeric: ["value_a", "value_b", "value_b_in_a", "delta"])
    static let detailWriter = KeyedTableWriter(
        table: "reconciliation_detail",
        columns: StoreTable.reconciliationDetail.columns.filter { $0 != "run_id" },
        key: StoreTable.reconciliationDetail.orderBy,
        numeric: ["value_a", "value_b_in_a"])

    public func replaceReconciliation(_ rows: [ReconciliationFact], details: [ReconciliationDetail], runID: Int64) throws
        -> (facts: FactWriteResult, details: FactWriteResult)
    {
        try queue.write { db in
            let factRows: [[DatabaseValue]] = rows.map { r in
                KeyedTableWriter.row([
                    r.grain.rawValue, r.periodStart.description, r.periodEnd.description, r.scopeType.rawValue, r.scopeID,
                    r.metric, r.profileA, r.definitionA, r.valueA?.plainString, r.profileB, r.definitionB,
                    r.valueB?.plainString, r.valueBInA?.plainString, r.delta?.plainString, r.unit, r.currency,
                    r.differingConcepts, r.recordsOnlyA, r.recordsOnlyB, r.recordsDiffering])
            }
            let detailRows: [[DatabaseValue]] = details.map { d in
                KeyedTableWriter.row([
                    d.grain.rawValue, d.periodStart.description, d.metric, d.profileA, d.profileB, d.recordKind, d.recordID,
                    d.platform, d.shop, d.inA ? 1 : 0, d.inB ? 1 : 0, d.valueA?.plainString, d.valueBInA?.plainString,
                    d.reasons.map(\.rawValue).joined(separator: ","), d.explanation, d.sourceFile, d.sourceLine])
            }
            return (try Self.reconciliationWriter.replace(with: factRows, runID: runID, in: db),
                    try Self.detailWriter.replace(with: detailRows, runID: runID, in: db))
        }
    }
}
