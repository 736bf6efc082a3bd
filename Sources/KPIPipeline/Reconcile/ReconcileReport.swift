import Foundation
import KPIFacts
import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge reconcile`: one metric under two profiles for one period and scope, the delta, and the
/// records behind it in plain words, read from `fact_reconciliation` and `reconciliation_detail`.
package struct ReconcileReport: Sendable {
    package struct Query: Sendable {
        package var metric: String
        package var pair: ProfilePair
        package var period: Period
        package var scopeType: ScopeType
        package var scopeID: String

        package init(metric: String, pair: ProfilePair, period: Period, scopeType: ScopeType = .company, scopeID: String = "all") {
            self.metric = metric
            self.pair = pair
            self.period = period
            self.scopeType = scopeType
            self.scopeID = scopeID
        }
    }

    package let query: Query

    /// `company`, `platform:amazon` or `shop:amz-us`.
    package static func scope(_ text: String) -> (ScopeType, String)? {
        if text == "company" { return (.company, "all") }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let type = ScopeType(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        return (type, parts[1])
    }
    /// The `fact_reconciliation` row, by column name.
    package let summary: [String: TableValue]
    /// The `fact_reconciliation_bridge` rows of the cell, in step order; empty when the metric has no bridge
    /// or its grain keeps no records.
    package let bridge: [[String: TableValue]]
    /// The `reconciliation_detail` rows of the records in scope, in key order.
    package let records: [[String: TableValue]]
    /// False when the grain's records are not kept (see `detail_grains`).
    package let detailKept: Bool

    /// Reads the query's rows; a clear error when there is nothing to show, saying why.
    package static func load(_ query: Query, store: any TableScanning, detailGrains: Set<Grain>) throws(PipelineError) -> ReconcileReport {
        let q = query
        var summary: [String: TableValue]?
        var reversed = false
        var records: [[String: TableValue]] = []
        var bridge: [[String: TableValue]] = []
        do {
            try store.scan(.factReconciliation) { row in
                let r = Dictionary(uniqueKeysWithValues: zip(StoreTable.factReconciliation.columns, row))
                guard r["grain"] == .text(q.period.grain.rawValue), r["period_start"] == .text(q.period.start.description),
                      r["scope_type"] == .text(q.scopeType.rawValue), r["scope_id"] == .text(q.scopeID),
                      r["metric"] == .text(q.metric) else { return }
                if r["profile_a"] == .text(q.pair.a) && r["profile_b"] == .text(q.pair.b) { summary = r }
                if r["profile_a"] == .text(q.pair.b) && r["profile_b"] == .text(q.pair.a) { reversed = true }
            }
            if summary != nil {
                try store.scan(.factReconciliationBridge) { row in
                    let r = Dictionary(uniqueKeysWithValues: zip(StoreTable.factReconciliationBridge.columns, row))
                    guard r["grain"] == .text(q.period.grain.rawValue), r["period_start"] == .text(q.period.start.description),
                          r["scope_type"] == .text(q.scopeType.rawValue), r["scope_id"] == .text(q.scopeID),
                          r["metric"] == .text(q.metric), r["profile_a"] == .text(q.pair.a), r["profile_b"] == .text(q.pair.b)
                    else { return }
                    bridge.append(r)  // the scan is in key order, which ends with the step
                }
                try store.scan(.reconciliationDetail) { row in
                    let r = Dictionary(uniqueKeysWithValues: zip(StoreTable.reconciliationDetail.columns, row))
                    guard r["grain"] == .text(q.period.grain.rawValue), r["period_start"] == .text(q.period.start.description),
                          r["metric"] == .text(q.metric), r["profile_a"] == .text(q.pair.a), r["profile_b"] == .text(q.pair.b)
                    else { return }
                    switch q.scopeType {
                    case .platform: guard r["platform"] == .text(q.scopeID) else { return }
                    case .shop: guard r["shop"] == .text(q.scopeID) else { return }
                    default: break
                    }
                    records.append(r)
                }
            }
        } catch {
            throw .failed(Bilingual("store: \(error)", "存储：\(error)"))
        }
        guard let summary else {
            if reversed {
                throw .usage(Bilingual("the store reconciles \(q.pair.b) against \(q.pair.a); ask for --profiles \(q.pair.b),\(q.pair.a)",
                                       "存储中是以 \(q.pair.b) 对照 \(q.pair.a) 对账的；请用 --profiles \(q.pair.b),\(q.pair.a)"))
            }
            guard MetricID(rawValue: q.metric) != nil else {
                let metrics = MetricID.allCases.map(\.rawValue).joined(separator: ", ")
                throw .usage(Bilingual("unknown metric `\(q.metric)`; metrics: \(metrics)", "未知指标 `\(q.metric)`；可用指标：\(metrics)"))
            }
            throw .failed(Bilingual("""
                nothing to reconcile for \(q.metric), \(q.period.grain.rawValue) \(q.period.label), \(q.scopeType.rawValue) \(q.scopeID), \
                \(q.pair.a) vs \(q.pair.b): neither profile has data there, the two agree on every concept the metric depends on, \
                or the pair is not under `reconcile.pairs` in definitions.yaml (run `kpibridge definitions diff \(q.pair.a) \(q.pair.b)`)
                """, """
                \(q.metric)（\(DisplayNames.grain(q.period.grain.rawValue, .zh)) \(q.period.label)，\
                \(DisplayNames.scopeType(q.scopeType.rawValue, .zh)) \(q.scopeID)，\(q.pair.a) 对比 \(q.pair.b)）没有可对账的内容：两个口径在这里都没有数据，或两者在该指标依赖的每个概念上都一致，\
                或这对口径不在 definitions.yaml 的 `reconcile.pairs` 中（请运行 `kpibridge definitions diff \(q.pair.a) \(q.pair.b)`）
                """))
        }
        return ReconcileReport(query: q, summary: summary, bridge: bridge, records: records,
                               detailKept: detailGrains.contains(q.period.grain))
    }
}
