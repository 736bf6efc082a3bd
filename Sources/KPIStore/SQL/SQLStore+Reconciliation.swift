import Foundation
import KPISchema

extension SQLStore {
    package func replaceReconciliation(_ rows: [ReconciliationFact], bridge: [BridgeStep], details: DetailRows,
                                      within scope: RecomputeScope?, runID: Int64) throws -> ReconciliationWriteResult
    {
        let factRows: [[StoreValue]] = rows.map { r in
            [.text(r.grain.rawValue), .text(r.periodStart.description), .text(r.periodEnd.description),
             .text(r.scopeType.rawValue), .text(r.scopeID), .text(r.metric), .text(r.profileA), .text(r.definitionA),
             .of(r.valueA), .text(r.profileB), .text(r.definitionB), .of(r.valueB), .of(r.valueBInA), .of(r.delta),
             .text(r.unit), .of(r.currency), .text(r.differingConcepts), .of(r.recordsOnlyA), .of(r.recordsOnlyB),
             .of(r.recordsDiffering)]
        }
        let bridgeRows: [[StoreValue]] = bridge.map { r in
            [.text(r.grain.rawValue), .text(r.periodStart.description), .text(r.periodEnd.description),
             .text(r.scopeType.rawValue), .text(r.scopeID), .text(r.metric), .text(r.profileA), .text(r.profileB),
             .integer(Int64(r.step)), .text(r.kind.code), .of(r.effect), .of(r.value), .of(r.records), .text(r.unit),
             .of(r.currency), .of(r.convertedFrom)]
        }
        // Converted row by row as the writer asks: detail rows are the largest thing a run has.
        let detailRows = { () throws -> [StoreValue]? in
            guard let d = try details.next() else { return nil }
            return [.text(d.grain.rawValue), .text(d.periodStart.description), .text(d.metric), .text(d.profileA),
                    .text(d.profileB), .text(d.recordKind), .text(d.recordID), .text(d.platform), .text(d.shop),
                    .integer(d.inA ? 1 : 0), .integer(d.inB ? 1 : 0), .of(d.valueA), .of(d.valueBInA),
                    .text(d.reasons.map(\.rawValue).joined(separator: ",")), .text(d.explanation.en), .text(d.explanation.zh), .text(d.sourceFile),
                    .of(d.sourceLine)]
        }
        return try write { session in
            let facts = KeyedTableWriter(.factReconciliation, numeric: ["value_a", "value_b", "value_b_in_a", "delta"])
            let bridge = KeyedTableWriter(.factReconciliationBridge, numeric: ["effect", "value"])
            let details = KeyedTableWriter(.reconciliationDetail, numeric: ["value_a", "value_b_in_a"])
            // A closed period's reconciliation stays as the close left it.
            let closed = try Self.closedPeriods(in: session)
            return ReconciliationWriteResult(
                facts: try facts.replace(with: factRows, runID: runID, in: session, within: scope, frozen: closed),
                bridge: try bridge.replace(with: bridgeRows, runID: runID, in: session, within: scope, frozen: closed),
                details: try details.replace(next: detailRows, runID: runID, in: session, within: scope, frozen: closed))
        }
    }
}
