import Foundation
import KPISchema

extension MetricAccumulator {
    /// Where one cell stands now, for a trace: how many record updates reached it, and the metric's row as the
    /// fact would carry it — unrounded (`exact`) and as written (`fact`). Nil parts where the cell has no value.
    /// Not `gated`, a margin after settlement fees is computed whether or not the settlements loaded so far
    /// cover the period: coverage decides whether the value is shown, not what each record adds to it.
    package func standing(of target: FactTarget, gated: Bool = true) -> (touches: Int, exact: FactParts?, fact: FactMetric?) {
        guard let index = versions.firstIndex(where: { $0.name == target.profile }) else { return (0, nil, nil) }
        let profile = versions[index]
        let cell = CellKey(period: target.period, scopeType: target.scopeType, scopeID: target.scopeID)
        guard let totals = cells[index][cell] else { return (0, nil, nil) }
        let days = Self.daysCounted(cell.period, asOf: engine.asOf.map { profile.zone.date(of: $0) })
        let covered = profile.marginFees.deductsFees && (!gated || feesCovered(totals, cell.period, profile: profile))
        var rows = Self.metrics(totals, profile: profile, days: days, feesCovered: covered)
        if let perHead = perHead(totals, cell, days: days) { rows.append(perHead) }
        guard let row = rows.first(where: { $0.0 == target.metric }) else { return (totals.touches, nil, nil) }
        let parts = FactParts(value: row.1, numerator: row.numerator, denominator: row.denominator, records: row.records)
        return (totals.touches, parts, Self.fact(target.metric, cell: cell, profile: profile, value: row.1, numerator: row.numerator,
                                                 denominator: row.denominator, records: row.records))
    }
}
