import KPISchema

/// Which shops' settlements and returns a cell's sales are covered by: the checks that keep a margin after
/// fees or a return rate from being written over part of its inputs, and the shops and months they name.
extension MetricAccumulator {
    /// Per profile whose margin deducts settlement fees, each shop that sold in a month its loaded
    /// settlements do not cover to the day (to the run's day while the month is under way), with those
    /// months (`2026-09`): `gross_margin` is left out of that shop's month and of every scope the shop is
    /// part of. Within `scope`, only the months it recomputes (the others hold partial sums).
    package func shopsWithoutFees(in scope: RecomputeScope? = nil) -> [String: [(shop: String, months: [String])]] {
        var out: [String: [String: Set<String>]] = [:]
        for (index, profile) in versions.enumerated() where profile.marginFees.deductsFees {
            for (cell, totals) in cells[index] where cell.period.grain == .month && cell.scopeType == .shop && totals.orders > 0
                && scope.map({ $0.recomputes(cell.period.grain, cell.period.start) }) ?? true
                && !feesCovered(totals, cell.period, profile: profile) {
                out[profile.name, default: [:]][cell.scopeID, default: []].insert(String(cell.period.start.description.prefix(7)))
            }
        }
        return out.mapValues { shops in shops.keys.sorted().map { ($0, shops[$0]!.sorted()) } }
    }

    /// Each shop that shipped in a month no return of theirs was received in (when any return is loaded at
    /// all), with those months: `return_rate` is left out of that month for every scope the shop is part of.
    package func shopsWithoutReturns(in scope: RecomputeScope? = nil) -> [(shop: String, months: [String])] {
        var out: [String: Set<String>] = [:]
        var anyReturn = false
        for (cell, totals) in cells.joined() where cell.period.grain == .month && cell.scopeType == .shop {
            if totals.returnRecords > 0 { anyReturn = true }
            guard totals.shippedUnits > 0, totals.returnRecords == 0,
                  scope.map({ $0.recomputes(cell.period.grain, cell.period.start) }) ?? true else { continue }
            out[cell.scopeID, default: []].insert(String(cell.period.start.description.prefix(7)))
        }
        return anyReturn ? out.keys.sorted().map { ($0, out[$0]!.sorted()) } : []
    }

    /// Whether every shop that sold in the cell has settlements covering the period's days counted.
    func feesCovered(_ t: PeriodTotals, _ period: Period, profile: DefinitionProfile) -> Bool {
        let days = Self.daysCounted(period, asOf: engine.asOf.map { profile.zone.date(of: $0) })
        let last = period.start.adding(days: days - 1)
        return t.salesShops.allSatisfy { settled.covers(shop: $0, from: period.start, through: last, zone: profile.zone) }
    }
}
