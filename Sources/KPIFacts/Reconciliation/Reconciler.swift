import Foundation
import KPISchema

/// Compares how two definition profiles count every record, streaming one record at a time.
///
/// For each profile pair, grain and metric it finds the records that count in a period on one side
/// only, or count there with a different value, tallies them per scope and, for the detail grains,
/// keeps each one with the reasons in plain words. It reads the same ``OrderView``, ``TicketView``
/// and ``StockView`` the metric pass sums, so the explanation always matches the facts.
package struct Reconciler {
    package let definitions: DefinitionSet
    package let fx: FXTable
    package let pairs: [ProfilePair]
    /// Unit costs, for reconciling cost of goods; empty when none are loaded (orders are then not costed).
    package let costs: CostHistory
    package let grains: [Grain]
    /// Grains whose differing records are kept one by one (a day grain would list most orders).
    package let detailGrains: Set<Grain>
    private let profiles: [String]
    var tallies: [TallyKey: Tally] = [:]
    /// Detail rows, unless `spool` takes them.
    package internal(set) var details: [ReconciliationDetail] = []
    /// Each cause's records per cell at the detail grains, for the bridge (see `Reconciler+Bridge`).
    var bridges: [BridgeKey: BridgeTally] = [:]
    /// Where detail rows go instead of `details`, so a large run does not hold them.
    package var spool: DetailSpool?

    struct TallyKey: Hashable {
        var pair: Int
        var period: Period
        var scopeType: ScopeType
        var scopeID: String
        var metric: MetricID
    }

    struct Tally {
        var onlyA = 0
        var onlyB = 0
        var differing = 0
        /// Σ of B's contributions in A's currency (money metrics).
        var bInA: Decimal = 0
    }

    package init(definitions: DefinitionSet, fx: FXTable, pairs: [ProfilePair], grains: [Grain] = Grain.allCases,
                detailGrains: Set<Grain> = [.month], costs: CostHistory = CostHistory()) {
        self.definitions = definitions
        self.fx = fx
        self.costs = costs
        self.pairs = pairs
        self.grains = grains
        self.detailGrains = detailGrains
        profiles = Array(Set(pairs.flatMap { [$0.a, $0.b] })).sorted()
    }

    /// The record `view` under whichever of `views`' versions applies to the period its date falls in,
    /// with its position in `views`.
    func pick<View>(_ views: [View], grain: Grain, profile: (View) -> DefinitionProfile,
                            date: (View) -> CivilDate?) -> (offset: Int, view: View, period: Period)? {
        for (offset, view) in views.enumerated() {
            guard let day = date(view) else { continue }
            let period = grain.period(containing: day)
            if definitions.applies(profile(view), to: period) { return (offset, view, period) }
        }
        return nil
    }

    /// One version's count of a record: its place among the profile's versions, and the period it counts in.
    typealias Pick<View> = (offset: Int, view: View, period: Period)

    /// The later versions in `views` that count the record in a period of `grain` other than `first`'s:
    /// the metric pass counts it under each version whose periods its date falls in, so a dated version
    /// change can count one record twice on one side.
    func repicks<View>(_ views: [View], after first: Pick<View>?, grain: Grain, profile: (View) -> DefinitionProfile,
                       date: (View) -> CivilDate?) -> [Pick<View>] {
        guard let first, views.count > first.offset + 1 else { return [] }
        var out: [Pick<View>] = []
        for offset in views.indices where offset > first.offset {
            guard let day = date(views[offset]) else { continue }
            let period = grain.period(containing: day)
            if period != first.period, definitions.applies(profile(views[offset]), to: period),
               !out.contains(where: { $0.period == period }) {
                out.append((offset, views[offset], period))
            }
        }
        return out
    }

    /// Compares one record under `members` (each valued from a pick, and whether it is A's): the first picks
    /// of both sides as one comparison, explained by `explain`; and when a later version counts it again
    /// (`againA`, `againB`), period by period. A period only one side counts it in through a later version is
    /// `version_change`; a period both count it in compares the two values there, explained by `explainBoth`
    /// from the versions that count it. `meanReasons` names why a mean's value differs between two versions
    /// that count the record in the same period.
    mutating func compareVersions<View>(_ index: Int, _ pair: ProfilePair, _ record: RecordRef, _ scopes: [(ScopeType, String)],
                                        _ members: [(MetricID, (Pick<View>, Bool) -> Decimal?)], a: Pick<View>?, b: Pick<View>?,
                                        againA: [Pick<View>], againB: [Pick<View>], profile: (View) -> DefinitionProfile,
                                        explain: () -> Explanation, explainBoth: (Pick<View>, Pick<View>) -> Explanation,
                                        meanReasons: ((View, View) -> [ReconcileReason])? = nil) {
        func compareAll(_ x: Pick<View>?, _ y: Pick<View>?, _ why: () -> Explanation) {
            let reasons = meanReasons.flatMap { reasons in x.flatMap { x in y.map { y in { reasons(x.view, y.view) } } } }
            for (metric, value) in members {
                compare(index, pair, metric, record, scopes, x.map { Side(period: $0.period, value: value($0, true)) },
                        y.map { Side(period: $0.period, value: value($0, false)) }, why, meanReasons: reasons)
            }
        }
        guard !againA.isEmpty || !againB.isEmpty else { return compareAll(a, b, explain) }
        let sideA = (a.map { [$0] } ?? []) + againA, sideB = (b.map { [$0] } ?? []) + againB
        var periods: [Period] = []
        for period in (sideA + sideB).map(\.period) where !periods.contains(period) { periods.append(period) }
        for period in periods {
            let x = sideA.first { $0.period == period }, y = sideB.first { $0.period == period }
            let laterA = x.flatMap { $0.offset == a?.offset ? nil : $0 }, laterB = y.flatMap { $0.offset == b?.offset ? nil : $0 }
            if let x, let y, laterA != nil || laterB != nil {
                compareAll(x, y) { explainBoth(x, y) }
            } else if let later = laterA ?? laterB {
                let version = profile(later.view), earlier = laterA != nil ? a?.period : b?.period
                compareAll(x, y) { Self.explainVersion(record, version, later.period, earlier: earlier) }
            } else {
                compareAll(x, y, explain)
            }
        }
    }

    // MARK: records

    /// Compares one order, its refunds and its shipment under every pair.
    package mutating func add(_ bundle: OrderBundle) throws(FXError) {
        var views: [String: [OrderView]] = [:]
        for name in profiles { views[name] = definitions.versions(of: name).map { OrderView(bundle, profile: $0) } }
        let order = bundle.order
        let scopes = [(ScopeType.company, "all"), (.platform, order.key.platform), (.shop, order.shop)]
        let record = RecordRef(kind: "order", id: order.key.description, platform: order.key.platform, shop: order.shop,
                               lineage: order.lineage)
        for (index, pair) in pairs.enumerated() {
            let aViews = views[pair.a]!, bViews = views[pair.b]!
            let currencyA = aViews[0].profile.currency
            // Each view's sales, converted once here rather than once per grain: A's in its own
            // currency, B's in A's currency at B's own day.
            var salesOfA: [Decimal] = [], salesOfB: [Decimal] = []
            for view in aViews { salesOfA.append(try view.salesValue(in: view.profile.currency, fx: fx)) }
            for view in bViews { salesOfB.append(try view.salesValue(in: currencyA, fx: fx)) }
            // Cost of goods only when costs are loaded: otherwise no side has any.
            var cogsOfA: [Decimal?] = [], cogsOfB: [Decimal?] = []
            if !costs.isEmpty {
                for view in aViews { cogsOfA.append(view.counted ? try cogs(of: view, in: currencyA) : nil) }
                for view in bViews { cogsOfB.append(view.counted ? try cogs(of: view, in: currencyA) : nil) }
            }
            for grain in grains {
                let purchased = { (view: OrderView) in view.counted ? view.purchaseDate : nil }
                let a = pick(aViews, grain: grain, profile: \.profile, date: purchased)
                let b = pick(bViews, grain: grain, profile: \.profile, date: purchased)
                if a != nil || b != nil {
                    let againA = repicks(aViews, after: a, grain: grain, profile: \.profile, date: purchased)
                    let againB = repicks(bViews, after: b, grain: grain, profile: \.profile, date: purchased)
                    for extra in (b.map { [$0] } ?? []) + againB {
                        tally(index, extra.period, scopes, .gmv) { $0.bInA += salesOfB[extra.offset] }
                    }
                    let explain = { Self.explainPurchase(record, a?.view, b?.view, a?.period, b?.period, pair) }
                    let members: [(MetricID, (Pick<OrderView>, Bool) -> Decimal?)] = [
                        (.orders, { _, _ in 1 }), (.units, { pick, _ in Decimal(pick.view.units) }), (.aov, { _, _ in nil }),
                        (.refundRate, { pick, _ in pick.view.refunded ? 1 : 0 }),
                        (.gmv, { pick, inA in inA ? salesOfA[pick.offset] : salesOfB[pick.offset] }),
                    ]
                    let explainBoth = { (x: Pick<OrderView>, y: Pick<OrderView>) in
                        Self.explainPurchase(record, x.view, y.view, x.period, y.period, pair)
                    }
                    compareVersions(index, pair, record, scopes, members, a: a, b: b, againA: againA, againB: againB,
                                    profile: \.profile, explain: explain, explainBoth: explainBoth)
                    if !costs.isEmpty {
                        let costs = costs  // read inside the explanation while `compare` mutates self
                        for extra in (b.map { [$0] } ?? []) + againB {
                            if let cost = cogsOfB[extra.offset] { tally(index, extra.period, scopes, .cogs) { $0.bInA += cost } }
                        }
                        // Two versions' costs of the order in one period: why they differ.
                        let explainCosts = { (x: Pick<OrderView>, y: Pick<OrderView>) -> Explanation in
                            guard x.period == y.period else { return explainBoth(x, y) }
                            let converted = x.view.bundle.lines.contains {
                                costs.unitCost(of: $0.sku, on: x.view.purchaseDate, basis: x.view.profile.costBasis)?.currency != currencyA
                            }
                            return Self.explainCost(record, x.view, y.view, cogsOfA[x.offset], cogsOfB[y.offset], currency: currencyA,
                                                    converted: converted, pair)
                        }
                        compareVersions(index, pair, record, scopes, [(.cogs, { pick, inA in inA ? cogsOfA[pick.offset] : cogsOfB[pick.offset] })],
                                        a: a, b: b, againA: againA, againB: againB, profile: \.profile,
                                        explain: { if let a, let b { explainCosts(a, b) } else { explain() } },
                                        explainBoth: explainCosts)
                    }
                }
                try addRefunds(bundle, index: index, pair: pair, grain: grain, aViews: aViews, bViews: bViews,
                               currencyA: currencyA, scopes: scopes)
                let shipped = { (view: OrderView) in view.shipment?.date }
                let shipA = pick(aViews, grain: grain, profile: \.profile, date: shipped)
                let shipB = pick(bViews, grain: grain, profile: \.profile, date: shipped)
                if shipA != nil || shipB != nil {
                    let explain = {
                        Self.explainShipment(record, shipA?.view ?? aViews[0], shipB?.view ?? bViews[0],
                                             shipA?.period, shipB?.period, pair)
                    }
                    let members: [(MetricID, (Pick<OrderView>, Bool) -> Decimal?)] = [
                        (.shippedOrders, { _, _ in 1 }), (.fulfillmentHours, { pick, _ in pick.view.shipment?.hours }),
                        (.onTimeShipRate, { pick, _ in pick.view.shipment!.onTime ? 1 : 0 }),
                    ]
                    compareVersions(index, pair, record, scopes, members, a: shipA, b: shipB,
                                    againA: repicks(aViews, after: shipA, grain: grain, profile: \.profile, date: shipped),
                                    againB: repicks(bViews, after: shipB, grain: grain, profile: \.profile, date: shipped),
                                    profile: \.profile, explain: explain,
                                    explainBoth: { x, y in Self.explainShipment(record, x.view, y.view, x.period, y.period, pair) },
                                    // Hours differ in the same period only because the milestones do.
                                    meanReasons: { x, y in x.profile.shipped != y.profile.shipped ? [.shippedEvent] : [] })
                }
            }
        }
    }

    /// Refunds count in sales only under a net basis, on the day they were issued.
    private mutating func addRefunds(_ bundle: OrderBundle, index: Int, pair: ProfilePair, grain: Grain,
                                     aViews: [OrderView], bViews: [OrderView], currencyA: String,
                                     scopes: [(ScopeType, String)]) throws(FXError) {
        for refund in bundle.refunds {
            func side(_ views: [OrderView]) -> (view: OrderView, period: Period, date: CivilDate)? {
                for view in views {
                    guard let counted = view.refunds.first(where: { $0.refund.refundID == refund.refundID }) else { continue }
                    let period = grain.period(containing: counted.date)
                    if definitions.applies(view.profile, to: period) { return (view, period, counted.date) }
                }
                return nil
            }
            let a = side(aViews), b = side(bViews)
            guard a != nil || b != nil else { continue }
            var valueA: Decimal?, valueB: Decimal?
            if let a { valueA = -(try fx.convert(refund.amount, to: a.view.profile.currency, on: a.date)) }
            if let b { valueB = -(try fx.convert(refund.amount, to: currencyA, on: b.date)) }
            if let b, let valueB { tally(index, b.period, scopes, .gmv) { $0.bInA += valueB } }
            let record = RecordRef(kind: "refund", id: "\(bundle.order.key)#\(refund.refundID)",
                                   platform: bundle.order.key.platform, shop: bundle.order.shop, lineage: refund.lineage)
            compare(index, pair, .gmv, record, scopes, a.map { Side(period: $0.period, value: valueA) },
                    b.map { Side(period: $0.period, value: valueB) }) {
                Self.explainRefund(refund, order: bundle.order.key, a?.view.profile ?? aViews[0].profile,
                                   b?.view.profile ?? bViews[0].profile, a?.period, b?.period)
            }
        }
    }

    /// Compares one help-desk ticket's first response under every pair.
    package mutating func add(ticket record: FlatRecord) {
        var views: [String: [TicketView]] = [:]
        for name in profiles {
            views[name] = definitions.versions(of: name).compactMap { TicketView(record, profile: $0) }
        }
        guard let first = views.values.first?.first else { return }
        let ref = RecordRef(kind: "ticket", id: first.id, platform: "", shop: "", lineage: record.lineage)
        for (index, pair) in pairs.enumerated() {
            let aViews = views[pair.a]!, bViews = views[pair.b]!
            for grain in grains {
                let a = pick(aViews, grain: grain, profile: \.profile) { $0.responseHours == nil ? nil : $0.createdDate }
                let b = pick(bViews, grain: grain, profile: \.profile) { $0.responseHours == nil ? nil : $0.createdDate }
                addComplaint(ref, aViews: aViews, bViews: bViews, index: index, pair: pair, grain: grain)
                guard a != nil || b != nil else { continue }
                let explain = { Self.explainTicket(ref, a?.view ?? aViews[0], b?.view ?? bViews[0], a?.period, b?.period, pair) }
                // Hours differ in the same period only because the clocks do.
                let clocks = a?.view.profile.responseTime != b?.view.profile.responseTime
                for (metric, value) in [(MetricID.firstResponseHours, { (view: TicketView) -> Decimal? in view.responseHours }),
                                        (.slaResponseRate, { $0.withinSLA == true ? 1 : 0 })] {
                    compare(index, pair, metric, ref, [(.company, "all")],
                            a.map { Side(period: $0.period, value: value($0.view)) },
                            b.map { Side(period: $0.period, value: value($0.view)) }, explain,
                            meanReasons: { clocks ? [.responseTime] : [] })
                }
            }
        }
    }

    /// Compares one inventory snapshot row under every pair.
    package mutating func add(stock record: FlatRecord) {
        var views: [String: [StockView]] = [:]
        for name in profiles {
            views[name] = definitions.versions(of: name).compactMap { StockView(record, profile: $0) }
        }
        guard let first = views.values.first?.first else { return }
        let ref = RecordRef(kind: "stock", id: first.id, platform: "", shop: "", lineage: record.lineage)
        for (index, pair) in pairs.enumerated() {
            let aViews = views[pair.a]!, bViews = views[pair.b]!
            for grain in grains {
                let a = pick(aViews, grain: grain, profile: \.profile) { $0.quantity == nil ? nil : $0.date }
                let b = pick(bViews, grain: grain, profile: \.profile) { $0.quantity == nil ? nil : $0.date }
                guard a != nil || b != nil else { continue }
                compare(index, pair, .stockoutRate, ref, [(.company, "all")],
                        a.map { Side(period: $0.period, value: $0.view.isStockout == true ? 1 : 0) },
                        b.map { Side(period: $0.period, value: $0.view.isStockout == true ? 1 : 0) }) {
                    Self.explainStock(ref, a?.view ?? aViews[0], b?.view ?? bViews[0], pair)
                }
            }
        }
    }

    // MARK: comparing

    /// Metrics whose per-record values are compared; means (aov, hours) are compared by membership
    /// only, since every record's hours differ whenever the milestones do and the aggregate says it
    /// (the bridge still adds those records up, by `meanReasons`, without a detail row each).
    private static let valueCompared: Set<MetricID> = [.gmv, .units, .orders, .refundRate, .shippedOrders,
                                                       .onTimeShipRate, .slaResponseRate, .stockoutRate, .cogs,
                                                       .grossMargin, .adSales, .complaintRate]

    mutating func tally(_ pair: Int, _ period: Period, _ scopes: [(ScopeType, String)], _ metric: MetricID,
                                _ change: (inout Tally) -> Void) {
        for (type, id) in scopes {
            change(&tallies[TallyKey(pair: pair, period: period, scopeType: type, scopeID: id, metric: metric), default: Tally()])
        }
    }

    mutating func compare(_ index: Int, _ pair: ProfilePair, _ metric: MetricID, _ record: RecordRef,
                                  _ scopes: [(ScopeType, String)], _ a: Side?, _ b: Side?,
                                  _ explain: () -> Explanation, meanReasons: (() -> [ReconcileReason])? = nil) {
        var rows: [(period: Period, inA: Bool, inB: Bool)] = []
        if let a, let b, a.period == b.period {
            guard let va = a.value, let vb = b.value, va.rounded(scale: metric.scale) != vb.rounded(scale: metric.scale)
            else { return }
            guard Self.valueCompared.contains(metric) else {
                if let meanReasons, detailGrains.contains(a.period.grain) {
                    bridge(index, metric, a.period, scopes, reasons: meanReasons(), inA: true, inB: true, a: va, b: vb)
                }
                return
            }
            tally(index, a.period, scopes, metric) { $0.differing += 1 }
            rows.append((a.period, true, true))
        } else {
            if let a {
                tally(index, a.period, scopes, metric) { $0.onlyA += 1 }
                rows.append((a.period, true, false))
            }
            if let b {
                tally(index, b.period, scopes, metric) { $0.onlyB += 1 }
                rows.append((b.period, false, true))
            }
        }
        let kept = rows.filter { detailGrains.contains($0.period.grain) }
        guard !kept.isEmpty else { return }
        let explanation = explain()
        // A mean's record values (hours) feed the bridge only; its detail rows name membership.
        let shown = Self.valueCompared.contains(metric)
        for row in kept {
            bridge(index, metric, row.period, scopes, reasons: explanation.reasons, inA: row.inA, inB: row.inB,
                   a: a?.value, b: b?.value)
            let detail = ReconciliationDetail(
                grain: row.period.grain, periodStart: row.period.start, metric: metric.rawValue, profileA: pair.a,
                profileB: pair.b, recordKind: record.kind, recordID: record.id, platform: record.platform, shop: record.shop,
                inA: row.inA, inB: row.inB, valueA: row.inA && shown ? a?.value?.rounded(scale: metric.scale) : nil,
                valueBInA: row.inB && shown ? b?.value?.rounded(scale: metric.scale) : nil,
                reasons: explanation.reasons, explanation: explanation.text,
                sourceFile: record.lineage.file, sourceLine: record.lineage.line)
            if let spool { spool.append(detail) } else { details.append(detail) }
        }
    }
}

/// The record a detail row names, with where it came from.
struct RecordRef {
    var kind: String
    var id: String
    var platform: String
    var shop: String
    var lineage: Lineage
}
