import Foundation
import KPISchema

/// `repurchase_rate` and `retention_rate`: the metrics that follow buyers across periods (see ``CustomerVisits``).
extension MetricAccumulator {
    /// The metrics that follow buyers: an incremental refresh recomputes them for more periods than the
    /// records it reads fall in (a trailing window, the period after).
    package static let customerMetrics: Set<String> = [MetricID.repurchaseRate.rawValue, MetricID.retentionRate.rawValue]

    /// Every period with an order of its scope, under the version that computes it; a rate whose window
    /// holds an order of unknown buyer, or without buyers to divide by, is left out.
    func customerFacts() -> [FactMetric] {
        var out: [FactMetric] = []
        for (index, profile) in versions.enumerated() {
            let visits = customers[index]
            guard visits.anyKeyed else { continue }
            let today = engine.asOf.map { profile.zone.date(of: $0) }
            let first = engine.history.map { profile.zone.date(of: $0) }
            for (slot, scope) in visits.scopes.enumerated() {
                for grain in engine.grains {
                    for (period, counts) in visits.byScope[slot].counts(grain: grain, windowDays: profile.repurchaseWindowDays, today: today)
                    where engine.definitions.applies(profile, to: period) {
                        let cell = CellKey(period: period, scopeType: scope.type, scopeID: scope.id)
                        if let days = profile.repurchaseWindowDays, !counts.windowUnkeyed, counts.windowBuyers > 0,
                           first.map({ $0 <= counts.windowEnd.adding(days: 1 - days) }) ?? true {
                            out.append(Self.fact(.repurchaseRate, cell: cell, profile: profile,
                                                 value: Decimal(counts.repeatBuyers) / Decimal(counts.windowBuyers),
                                                 numerator: Decimal(counts.repeatBuyers), denominator: Decimal(counts.windowBuyers),
                                                 records: counts.windowOrders))
                        }
                        if !counts.retentionUnkeyed, counts.previousBuyers > 0, first.map({ $0 <= period.previous.start }) ?? true {
                            out.append(Self.fact(.retentionRate, cell: cell, profile: profile,
                                                 value: Decimal(counts.returningBuyers) / Decimal(counts.previousBuyers),
                                                 numerator: Decimal(counts.returningBuyers), denominator: Decimal(counts.previousBuyers),
                                                 records: counts.retentionOrders))
                        }
                    }
                }
            }
        }
        return out
    }

    /// Each shop with counted orders of unknown buyer, with the months (`2026-10`) they were bought in, once
    /// any order has a buyer key or a profile declares a repurchase window (months in any profile's zone): the customer rates of every scope
    /// such an order counts in are left out of those months (and of windows reaching them). Within `scope`,
    /// only the months it recomputes.
    package func shopsWithoutCustomers(in scope: RecomputeScope? = nil) -> [(shop: String, months: [String])] {
        guard customers.contains(where: \.anyKeyed) || versions.contains(where: { $0.repurchaseWindowDays != nil }) else { return [] }
        var out: [String: Set<String>] = [:]
        // Months in any profile's zone: an order near midnight at a month's end falls in two.
        for visits in customers {
            for (slot, owner) in visits.scopes.enumerated() where owner.type == .shop {
                for day in visits.byScope[slot].unkeyed.keys {
                    let month = Grain.month.period(containing: CivilDate(daysSinceEpoch: Int(day)))
                    guard scope.map({ $0.recomputes(.month, month.start) }) ?? true else { continue }
                    out[owner.id, default: []].insert(String(month.start.description.prefix(7)))
                }
            }
        }
        return out.keys.sorted().map { ($0, out[$0]!.sorted()) }
    }
}
