import Foundation
import KPISchema

/// The bridge: the walk from profile A's value to profile B's, one step per cause.
///
/// Every differing record the reconciler keeps (at the detail grains) also adds its signed contribution
/// to the cause its reasons name, so a bridge is the detail rows summed by reason — plus, for the means,
/// the records whose hours differ without changing period, which no detail row lists (they would be most
/// tickets). Totals add exactly: an additive metric's causes sum to B − A; a rate or mean is walked in a
/// fixed order, each cause moving its numerator and denominator, so its effects telescope to the same
/// difference. Whatever the causes leave over is its own row, never spread over the causes: `rounding`
/// when within what rounding each number can account for, else `residual`.
extension Reconciler {
    struct BridgeKey: Hashable {
        var tally: TallyKey
        var reasons: [ReconcileReason]
    }

    /// One cause's records in one cell: how many, and how much they move the metric's numerator and
    /// denominator (B's side minus A's, in A's currency).
    struct BridgeTally {
        var records = 0
        var numerator: Decimal = 0
        var denominator: Decimal = 0
    }

    /// How a metric's bridge is walked.
    package enum BridgeShape {
        /// The value is the sum of the records' values.
        case additive
        /// numerator ÷ denominator of the metric's own records.
        case ratio
        /// numerator and denominator taken from two additive metrics' causes (aov: gmv ÷ orders).
        case composed(numerator: MetricID, denominator: MetricID)
    }

    /// The metrics with a bridge, and how each is walked. Not the money ratios built from several kinds of
    /// record (gross margin, ACoS, ROAS) nor inventory turnover: their records are not one population.
    static let bridgeShapes: [MetricID: BridgeShape] = [
        .gmv: .additive, .orders: .additive, .units: .additive, .shippedOrders: .additive, .cogs: .additive,
        .adSales: .additive, .aov: .composed(numerator: .gmv, denominator: .orders), .refundRate: .ratio,
        .onTimeShipRate: .ratio, .slaResponseRate: .ratio, .stockoutRate: .ratio, .complaintRate: .ratio,
        .fulfillmentHours: .ratio, .firstResponseHours: .ratio,
    ]

    /// Adds one kept detail row's record to its cause in every scope.
    mutating func bridge(_ index: Int, _ metric: MetricID, _ period: Period, _ scopes: [(ScopeType, String)],
                         reasons: [ReconcileReason], inA: Bool, inB: Bool, a: Decimal?, b: Decimal?) {
        guard Self.bridgeShapes[metric] != nil else { return }
        let numerator = (inB ? b ?? 0 : 0) - (inA ? a ?? 0 : 0)
        let denominator = Decimal((inB ? 1 : 0) - (inA ? 1 : 0))
        for (type, id) in scopes {
            let key = BridgeKey(tally: TallyKey(pair: index, period: period, scopeType: type, scopeID: id, metric: metric),
                                reasons: reasons)
            bridges[key, default: BridgeTally()].records += 1
            bridges[key, default: BridgeTally()].numerator += numerator
            bridges[key, default: BridgeTally()].denominator += denominator
        }
    }

    /// The bridge rows of the reconciliation rows given (those at the detail grains whose metric has a
    /// bridge and both values), each walked from A's stored numerator and denominator in `facts`.
    package func bridgeRows(for rows: [ReconciliationFact], facts: [FactMetric]) -> [BridgeStep] {
        var causes: [TallyKey: [(reasons: [ReconcileReason], tally: BridgeTally)]] = [:]
        for (key, tally) in bridges { causes[key.tally, default: []].append((key.reasons, tally)) }
        var factOfA: [FactKey: FactMetric] = [:]
        for fact in facts { factOfA[FactKey(fact)] = fact }
        let pairIndex = Dictionary(pairs.enumerated().map { ("\($1.a),\($1.b)", $0) }, uniquingKeysWith: { a, _ in a })
        var out: [BridgeStep] = []
        for row in rows where detailGrains.contains(row.grain) {
            guard let metric = MetricID(rawValue: row.metric), let shape = Self.bridgeShapes[metric],
                  let start = row.valueA, let end = row.valueBInA,
                  let index = pairIndex["\(row.profileA),\(row.profileB)"] else { continue }
            let period = Period(grain: row.grain, start: row.periodStart, end: row.periodEnd)
            func cellKey(_ metric: MetricID) -> TallyKey {
                TallyKey(pair: index, period: period, scopeType: row.scopeType, scopeID: row.scopeID, metric: metric)
            }
            var steps: [(reasons: [ReconcileReason], tally: BridgeTally)]
            switch shape {
            case .additive, .ratio:
                steps = causes[cellKey(metric)] ?? []
            case .composed(let numerator, let denominator):
                // Each cause's numerator from the one metric, its denominator from the other's total; its
                // records are the larger population (aov: orders and refunds under gmv, orders under orders).
                var merged: [[ReconcileReason]: BridgeTally] = [:]
                for (reasons, tally) in causes[cellKey(numerator)] ?? [] {
                    merged[reasons, default: BridgeTally()].numerator += tally.numerator
                    merged[reasons, default: BridgeTally()].records = tally.records
                }
                for (reasons, tally) in causes[cellKey(denominator)] ?? [] {
                    var step = merged[reasons] ?? BridgeTally()
                    step.denominator += tally.numerator
                    step.records = max(step.records, tally.records)
                    merged[reasons] = step
                }
                steps = merged.map { ($0.key, $0.value) }
            }
            steps.sort { $0.reasons.lexicographicallyPrecedes($1.reasons) }
            let effects: [Decimal]?
            switch shape {
            case .additive:
                effects = steps.map { $0.tally.numerator.rounded(scale: metric.scale) }
            case .ratio, .composed:
                guard let fact = factOfA[FactKey(row, profile: row.profileA, metric: metric)],
                      let numerator = fact.numerator, let denominator = fact.denominator else { continue }
                effects = Self.walk(from: numerator, denominator, steps.map { ($0.tally.numerator, $0.tally.denominator) },
                                    scale: metric.scale)
            }
            guard let effects else { continue }
            // B's own currency when its values were converted into A's.
            let currencyB = definitions.version(for: row.profileB, grain: row.grain, start: row.periodStart)?.currency
            let convertedFrom = row.currency != nil && currencyB != row.currency ? currencyB : nil
            var walk: [BridgeStep] = []
            func append(_ kind: BridgeStep.Kind, effect: Decimal?, value: Decimal, records: Int?) {
                walk.append(BridgeStep(
                    grain: row.grain, periodStart: row.periodStart, periodEnd: row.periodEnd, scopeType: row.scopeType,
                    scopeID: row.scopeID, metric: row.metric, profileA: row.profileA, profileB: row.profileB,
                    step: walk.count, kind: kind, effect: effect, value: value, records: records, unit: row.unit,
                    currency: row.currency, convertedFrom: convertedFrom))
            }
            append(.start, effect: nil, value: start, records: nil)
            var running = start
            for (step, effect) in zip(steps, effects) {
                running += effect
                append(step.reasons.isEmpty ? .unexplained : .cause(step.reasons), effect: effect, value: running,
                       records: step.tally.records)
            }
            let residual = (end - running).rounded(scale: metric.scale)
            let tolerance = Self.roundingTolerance(shape, scale: metric.scale, causes: steps.count)
            if residual != 0 { append(abs(residual) <= tolerance ? .rounding : .residual, effect: residual, value: end, records: nil) }
            append(.end, effect: nil, value: end, records: nil)
            out += walk
        }
        return out
    }

    /// The most that rounding can leave between a walk's end and its start plus effects. A total's start,
    /// end and effects are each rounded, half a unit in the last place apiece, except counts, which are
    /// whole and round to nothing; a ratio's effects telescope, so only its two ends' rounding remains.
    package static func roundingTolerance(_ shape: BridgeShape, scale: Int, causes: Int) -> Decimal {
        let unit = Decimal(sign: .plus, exponent: -scale, significand: 1)
        switch shape {
        case .additive: return scale == 0 ? 0 : unit / 2 * Decimal(causes + 2)
        case .ratio, .composed: return unit
        }
    }

    /// The effects of a ratio's causes taken in turn from A's numerator and denominator: each the ratio
    /// after the cause minus the ratio before it, rounded to the metric's scale. Nil when the walk passes
    /// through an empty denominator (the ratio has no value there to step from).
    package static func walk(from numerator: Decimal, _ denominator: Decimal,
                             _ steps: [(numerator: Decimal, denominator: Decimal)], scale: Int) -> [Decimal]? {
        guard denominator > 0 else { return nil }
        var n = numerator, d = denominator
        var before = (n / d).rounded(scale: scale)
        var effects: [Decimal] = []
        for step in steps {
            n += step.numerator
            d += step.denominator
            guard d > 0 else { return nil }
            let after = (n / d).rounded(scale: scale)
            effects.append(after - before)
            before = after
        }
        return effects
    }

    /// A fact's cell, for finding profile A's numerator and denominator.
    struct FactKey: Hashable {
        var grain: Grain
        var start: CivilDate
        var scopeType: ScopeType
        var scopeID: String
        var metric: String
        var profile: String

        init(_ fact: FactMetric) {
            grain = fact.grain
            start = fact.periodStart
            scopeType = fact.scopeType
            scopeID = fact.scopeID
            metric = fact.metric
            profile = fact.profile
        }

        init(_ row: ReconciliationFact, profile: String, metric: MetricID) {
            grain = row.grain
            start = row.periodStart
            scopeType = row.scopeType
            scopeID = row.scopeID
            self.metric = metric.rawValue
            self.profile = profile
        }
    }
}
