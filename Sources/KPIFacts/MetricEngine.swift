import Foundation
import KPISchema

/// Computes `fact_metric` rows from normalized records under each definition profile.
///
/// Pure: the same records, definitions and rates always give the same rows in the same order, which
/// is what makes re-exports byte-identical. Formulas follow the metric catalog in README "Metrics"; which
/// version of a profile computes a period is the ``DefinitionSet``'s choice.
package struct MetricEngine: Sendable {
    package var definitions: DefinitionSet
    package var fx: FXTable
    package var grains: [Grain]
    /// Who owns what: adds employee, team and provider scopes.
    package var attribution: Attribution
    /// The moment the run treats as now: undelivered tasks not yet due are left out until then.
    package var asOf: Instant?
    /// Unit costs per SKU over time, for `cogs` and `gross_margin`.
    package var costs: CostHistory
    /// The earliest purchase the store holds: a repurchase window or a retention's previous period that starts
    /// before it is left out, since what buyers did before the history starts is unknown. Nil: no limit.
    package var history: Instant?

    /// Raised whenever a formula or the attribution rules change, so stores refreshed incrementally
    /// under the old ones recompute every period once. v7: records count for whoever owned them on their
    /// day (hire and leave dates, dated rosters). v8: every record's credits are kept for the lineage relation
    /// (a store refreshed before has none).
    package static let formulaVersion = 8

    package init(definitions: DefinitionSet, fx: FXTable, grains: [Grain] = Grain.allCases,
                attribution: Attribution = .none, asOf: Instant? = nil, costs: CostHistory = CostHistory()) {
        self.definitions = definitions
        self.fx = fx
        self.grains = grains
        self.attribution = attribution
        self.asOf = asOf
        self.costs = costs
    }

    /// One version per profile, each applying to every period.
    package init(profiles: [DefinitionProfile], fx: FXTable, grains: [Grain] = Grain.allCases,
                attribution: Attribution = .none, asOf: Instant? = nil, costs: CostHistory = CostHistory()) {
        self.init(definitions: DefinitionSet(profiles), fx: fx, grains: grains, attribution: attribution, asOf: asOf,
                  costs: costs)
    }

    /// What a computation produced besides facts: records that could not be attributed.
    package struct Diagnostics: Sendable, Hashable {
        /// Fulfillment events and refunds whose order is not in the store (no shop, no payment time).
        package var orphanEvents = 0
        package var orphanRefunds = 0

        package init(orphanEvents: Int = 0, orphanRefunds: Int = 0) {
            self.orphanEvents = orphanEvents
            self.orphanRefunds = orphanRefunds
        }
    }

    /// An empty accumulator to stream records into.
    package func accumulator() -> MetricAccumulator {
        MetricAccumulator(engine: self)
    }

    /// All facts of an in-memory record set.
    package func facts(from records: RecordSet) throws(FXError) -> (facts: [FactMetric], diagnostics: Diagnostics) {
        let (accumulator, index) = try accumulate(records)
        return (accumulator.facts(), Diagnostics(orphanEvents: index.orphanEvents, orphanRefunds: index.orphanRefunds))
    }

    /// An in-memory record set fed into an accumulator, which also knows what it left out and why.
    package func accumulated(_ records: RecordSet) throws(FXError) -> MetricAccumulator {
        try accumulate(records).accumulator
    }

    private func accumulate(_ records: RecordSet) throws(FXError) -> (accumulator: MetricAccumulator, index: OrderIndex) {
        let index = OrderIndex(records)
        var accumulator = accumulator()
        for bundle in index.bundles { try accumulator.add(bundle) }
        for record in records.flat {
            switch record.kind {
            case .ticket: accumulator.add(ticket: record)
            case .inventorySnapshot: try accumulator.add(stock: record)
            case .traffic: accumulator.add(traffic: record)
            case .task: accumulator.add(task: record)
            case .review: accumulator.add(review: record)
            case .adSpend: try accumulator.add(ad: record)
            case .fee: try accumulator.add(fee: record)
            case .contract: accumulator.add(contract: record)
            default: continue
            }
        }
        return (accumulator, index)
    }
}
