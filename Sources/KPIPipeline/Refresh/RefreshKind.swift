import KPISchema

/// How a run's fact refresh went about it, for the run summary and logs.
package enum RefreshKind: Sendable {
    /// Every period recomputed from every record. `cause`, when known, is what a closed period's restatement
    /// names: what changed in what the records are read with (the roster, rates, definitions…), or a retract.
    case full(reason: Bilingual, cause: Bilingual? = nil)
    /// Only the periods `scope` names, from the records in its window.
    case incremental(RecomputeScope, days: Int, orders: Int)

    /// Why a closed period's fact would now be different, for its restatement row: the records (a file loaded,
    /// replaced or retracted since the close), or what a full recompute was for (definitions, rates, roster…).
    package var restatementCause: Bilingual {
        switch self {
        case .full(let reason, let cause):
            cause ?? Bilingual("recomputed in full: \(reason.en)", "全部重算：\(reason.zh)")
        case .incremental:
            Bilingual("records changed since the close (a file loaded, replaced or retracted)", "结账后记录有变化（有文件加载、替换或撤回）")
        }
    }

    /// One line: `all periods recomputed (first refresh of this store)` or `recomputed 1 quarter, 2 months
    /// touched by 2 changed orders, 3 changed days`.
    package var summary: String { summary(.en) }

    package func summary(_ language: DisplayLanguage) -> String {
        switch self {
        case .full(let reason, _):
            return language.pick("all periods recomputed (\(reason.en))", "全部周期重新计算（\(reason.zh)）")
        case .incremental(let scope, let days, let orders):
            let changes = language.pick("\(orders) changed order\(orders == 1 ? "" : "s"), \(days) changed day\(days == 1 ? "" : "s")",
                                        "\(orders) 个订单、\(days) 天有变化")
            guard !scope.isEmpty else { return language.pick("nothing to recompute (\(changes))", "无需重新计算（\(changes)）") }
            let periods = scope.periodCounts.map { language.pick("\($0.count) \($0.grain.rawValue)\($0.count == 1 ? "" : "s")",
                                                                 Self.chineseCount($0.count, $0.grain)) }
            return language.pick("recomputed \(periods.joined(separator: ", ")) touched by \(changes)",
                                 "重新计算受影响的 \(periods.joined(separator: "、"))（\(changes)）")
        }
    }

    /// `3 个月`, `5 天`: each grain with the measure word Chinese counts it by.
    private static func chineseCount(_ count: Int, _ grain: Grain) -> String {
        switch grain {
        case .day: "\(count) 天"
        case .week: "\(count) 周"
        case .month: "\(count) 个月"
        case .quarter: "\(count) 个季度"
        }
    }
}
