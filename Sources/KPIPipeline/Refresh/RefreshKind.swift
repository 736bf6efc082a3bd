import KPISchema

/// How a run's fact refresh went about it, for the run summary and logs.
package enum RefreshKind: Sendable {
    /// Every period recomputed from every record.
    case full(reason: String)
    /// Only the periods `scope` names, from the records in its window.
    case incremental(RecomputeScope, days: Int, orders: Int)

    /// One line: `full (first refresh of this store)` or `incremental: 2 changed orders, 3 days → 1 quarter, 2 months, …`.
    package var summary: String {
        switch self {
        case .full(let reason):
            return "all periods recomputed (\(reason))"
        case .incremental(let scope, let days, let orders):
            let changes = "\(orders) changed order\(orders == 1 ? "" : "s"), \(days) changed day\(days == 1 ? "" : "s")"
            guard !scope.isEmpty else { return "nothing to recompute (\(changes))" }
            let periods = scope.periodCounts.map { "\($0.count) \($0.grain.rawValue)\($0.count == 1 ? "" : "s")" }
            return "recomputed \(periods.joined(separator: ", ")) touched by \(changes)"
        }
    }
}
