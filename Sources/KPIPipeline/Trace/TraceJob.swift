import KPIFacts
import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge explain --metric …`: the records behind one fact, each with its share and the export line it
/// came from.
///
/// The records are read from the store and replayed under what the refresh used — the profile version the
/// stored row names, the roster as it stood on each record's day, the exchange rates, unit costs, copies
/// left out by `same_order:` and the clock of the last refresh — so the replayed total is the stored value;
/// when it is not, the trace says so (the store changed since its last refresh).
package struct TraceJob {
    package let pipeline: Pipeline

    package init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    /// What a trace found.
    package struct Result: Sendable {
        package var target: FactTarget
        /// The profile version the records were replayed under.
        package var profile: DefinitionProfile
        /// The row `fact_metric` holds, if any.
        package var stored: FactMetric?
        /// The row the replayed records make, if they give the metric a value.
        package var replayed: FactMetric?
        /// Each record that changed the fact, in the order the store reads them.
        package var records: [TracedRecord]
        /// The close holding the period, when it is closed: its stored row is the closed value.
        package var closed: ClosedPeriod? = nil
    }

    package func run(_ target: FactTarget) throws(PipelineError) -> Result {
        let store = pipeline.store, workspace = pipeline.workspace
        if FactTrace.untraceable.contains(target.metric.rawValue) {
            throw .failed(Bilingual(
                "\(target.metric.rawValue) is not a sum of records: growth compares a period with the one before (explain the metric "
                    + "it grows, in each period), and buyer rates follow buyers across periods",
                "\(target.metric.rawValue) 不是记录之和：增长率是本期与上期之比（请分别说明两个周期的基础指标），复购率和留存率跨周期跟踪买家"))
        }
        let definitions = workspace.definitions.definitions
        guard !definitions.versions(of: target.profile).isEmpty else {
            throw .failed(Bilingual("profile `\(target.profile)` is not in \(workspace.definitionsName) (profiles: \(definitions.names.joined(separator: ", ")))",
                                    "口径 `\(target.profile)` 不在 \(workspace.definitionsName) 中（已有口径：\(definitions.names.joined(separator: "、"))）"))
        }
        do {
            let stored = try store.factMetrics().first { fact in
                fact.grain == target.period.grain && fact.periodStart == target.period.start && fact.scopeType == target.scopeType
                    && fact.scopeID == target.scopeID && fact.metric == target.metric.rawValue && fact.profile == target.profile
            }
            guard let profile = stored.flatMap({ definitions.profile(target.profile, version: $0.profileVersion) })
                ?? definitions.dated(target.profile, on: target.period.start) else {
                throw PipelineError.failed(Bilingual("profile `\(target.profile)` has no version for \(target.period.label)",
                                                     "口径 `\(target.profile)` 没有适用于 \(target.period.label) 的版本"))
            }
            let engine = MetricEngine(profiles: [profile], fx: try ExchangeRates.table(workspace, store: store), grains: [target.period.grain],
                                      attribution: Attribution(roster: Roster(try ScoreRefresh.roster(store))),
                                      asOf: try store.pendingRefresh().asOf, costs: try FactRefresh.costs(store))
            var trace = FactTrace(engine: engine, target: target)
            let skipped = try store.sameOrderSkips()
            // The records dated in the period, a day either side for the zones (what a refresh of it reads).
            var days: Set<CivilDate> = []
            for offset in 0..<target.period.dayCount { days.insert(target.period.start.adding(days: offset)) }
            let scope = RecomputeScope(touching: days, grains: [target.period.grain], growthMetrics: [])
            try store.forEachOrder(within: scope) { bundle in
                if !skipped.contains(bundle.order.key) { try trace.add(bundle) }
            }
            try store.forEachFlat(.ticket, within: scope) { trace.add(ticket: $0) }
            try store.forEachFlat(.inventorySnapshot, within: scope) { try trace.add(stock: $0) }
            try store.forEachFlat(.traffic, within: scope) { trace.add(traffic: $0) }
            try store.forEachFlat(.task, within: scope) { trace.add(task: $0) }
            try store.forEachFlat(.review, within: scope) { trace.add(review: $0) }
            try store.forEachFlat(.adSpend, within: scope) { try trace.add(ad: $0) }
            try store.forEachFlat(.fee, within: scope) { try trace.add(fee: $0) }
            try store.forEachFlat(.contract, within: scope) { trace.add(contract: $0) }
            let closed = try store.closedPeriods().closes.first { $0.holds(target.period) }
            return Result(target: target, profile: profile, stored: stored, replayed: trace.fact, records: trace.records, closed: closed)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual(describing: error))
        }
    }
}
