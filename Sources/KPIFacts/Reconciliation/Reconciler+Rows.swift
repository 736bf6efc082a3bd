import Foundation
import KPISchema

extension Reconciler {
    /// The metrics reconciled: those whose records the reconciler compares one by one, and rates built on
    /// them (acos and roas on ad sales) or on stock and cost over a period (inventory turnover), whose rows
    /// give both values and the concepts that differ. Not the buyer rates: a refresh recomputes their windows
    /// beyond the periods it reconciles (see `RecomputeScope.customerOnly`), and no record is theirs to name.
    static let reconciled: Set<MetricID> = [.gmv, .orders, .aov, .units, .shippedOrders, .fulfillmentHours, .onTimeShipRate,
                                            .refundRate, .firstResponseHours, .slaResponseRate, .stockoutRate, .cogs,
                                            .grossMargin, .adSales, .acos, .roas, .complaintRate, .inventoryTurnover]
    /// The scopes it tallies; employee and team figures are reconciled through their shops.
    static let reconciledScopes: Set<ScopeType> = [.company, .platform, .shop]

    /// The `fact_reconciliation` rows: every (grain, period, scope, metric) where a pair's versions
    /// differ on a concept the metric depends on, with both sides' values from `facts`.
    package func rows(facts: [FactMetric]) -> [ReconciliationFact] {
        struct CellKey: Hashable, Comparable {
            var grain: Grain
            var start: CivilDate
            var scopeType: ScopeType
            var scopeID: String
            var metric: String

            static func < (a: CellKey, b: CellKey) -> Bool {
                (a.grain, a.start, a.scopeType, a.scopeID, a.metric) < (b.grain, b.start, b.scopeType, b.scopeID, b.metric)
            }
        }
        var byProfile: [String: [CellKey: FactMetric]] = [:]
        for fact in facts {
            let key = CellKey(grain: fact.grain, start: fact.periodStart, scopeType: fact.scopeType, scopeID: fact.scopeID,
                              metric: fact.metric)
            byProfile[fact.profile, default: [:]][key] = fact
        }
        var out: [ReconciliationFact] = []
        for (index, pair) in pairs.enumerated() {
            let aFacts = byProfile[pair.a] ?? [:], bFacts = byProfile[pair.b] ?? [:]
            for key in Set(aFacts.keys).union(bFacts.keys).sorted() {
                guard let metric = MetricID(rawValue: key.metric), Self.reconciled.contains(metric),
                      Self.reconciledScopes.contains(key.scopeType) else { continue }
                let fa = aFacts[key], fb = bFacts[key]
                func version(_ name: String, _ fact: FactMetric?) -> DefinitionProfile? {
                    if let fact { return definitions.profile(name, version: fact.profileVersion) }
                    return definitions.version(for: name, grain: key.grain, start: key.start)
                }
                guard let va = version(pair.a, fa), let vb = version(pair.b, fb) else { continue }
                let differing = va.differences(from: vb, among: metric.concepts)
                guard !differing.isEmpty, let any = fa ?? fb else { continue }
                let period = Period(grain: key.grain, start: key.start, end: any.periodEnd)
                func tally(_ metric: MetricID) -> Tally {
                    tallies[TallyKey(pair: index, period: period, scopeType: key.scopeType, scopeID: key.scopeID,
                                     metric: metric)] ?? Tally()
                }
                let counts = tally(metric)
                var valueBInA = fb?.value
                if metric.unit == "currency", let fb, fb.currency != va.currency {
                    switch metric {
                    case .gmv, .aov:
                        let sales = tally(.gmv).bInA.rounded(scale: 2)
                        valueBInA = metric == .gmv ? sales : fb.denominator.map { (sales / $0).rounded(scale: 2) }
                    case .cogs, .adSales:
                        valueBInA = tally(metric).bInA.rounded(scale: 2)
                    default:
                        valueBInA = nil  // no per-record sum in A's currency to take it from
                    }
                }
                let delta = fa.flatMap { a in valueBInA.map { ($0 - a.value).rounded(scale: metric.scale) } }
                out.append(ReconciliationFact(
                    grain: key.grain, periodStart: key.start, periodEnd: any.periodEnd, scopeType: key.scopeType,
                    scopeID: key.scopeID, metric: key.metric, profileA: pair.a,
                    definitionA: fa?.definition ?? va.definition(using: metric.concepts), valueA: fa?.value,
                    profileB: pair.b, definitionB: fb?.definition ?? vb.definition(using: metric.concepts), valueB: fb?.value,
                    valueBInA: valueBInA, delta: delta, unit: metric.unit,
                    currency: metric.unit == "currency" ? va.currency : nil,
                    differingConcepts: differing.map(\.rawValue).joined(separator: ","),
                    recordsOnlyA: counts.onlyA, recordsOnlyB: counts.onlyB, recordsDiffering: counts.differing))
            }
        }
        return out
    }

    /// The detail rows in primary-key order.
    package var sortedDetails: [ReconciliationDetail] { details.sorted(by: <) }
}
