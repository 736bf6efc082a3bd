import Foundation
import KPISchema

/// Running totals per (profile version, grain, period, scope), fed one record at a time.
///
/// Memory is proportional to the number of fact cells (periods × scopes × versions), not to the
/// number of records, so the metric pass stays flat however large the store grows. A record adds to
/// a period only under the version the ``DefinitionSet`` picks for that period.
package struct MetricAccumulator {
    let engine: MetricEngine
    let versions: [DefinitionProfile]
    var cells: [[CellKey: PeriodTotals]]
    /// What the loaded settlements cover, per shop (the same for every version).
    var settled = SettlementCoverage()
    /// Buyers and days of counted orders per version, for the rates that follow buyers across periods.
    var customers: [CustomerVisits]
    /// Where each record's credits go, for the lineage relation; nil (a trace, a test) keeps none.
    package var credits: CreditLog?

    struct CellKey: Hashable {
        var period: Period
        var scopeType: ScopeType
        var scopeID: String
    }

    init(engine: MetricEngine) {
        self.engine = engine
        versions = engine.definitions.allVersions
        cells = Array(repeating: [:], count: versions.count)
        customers = Array(repeating: CustomerVisits(), count: versions.count)
    }

    /// Records no roster entry owns (counted at company level only), noted by the ownership helpers.
    package internal(set) var unattributed = Unattributed()
    /// SKUs sold on a day no unit cost was in force for (when any cost is loaded): `cogs` and
    /// `gross_margin` are left out of the periods and scopes they sold in.
    package private(set) var uncostedSKUs: Set<String> = []

    /// Adds one order under every profile version, to its shop's scopes and to whoever owned it on its
    /// purchase day in that version's zone.
    package mutating func add(_ bundle: OrderBundle) throws(FXError) {
        let scopes = [(ScopeType.company, "all"), (.platform, bundle.order.key.platform), (.shop, bundle.order.shop)]
        var uncosted: Set<String> = []
        var owned: (day: CivilDate, parts: [(bundle: OrderBundle, scopes: [(ScopeType, String)])])?
        var ownerless = false
        for index in versions.indices {
            let view = OrderView(bundle, profile: versions[index])
            // Profiles in one zone share a purchase day, and so the owners.
            if owned?.day != view.purchaseDate {
                owned = (view.purchaseDate, engine.attribution.split(bundle, on: view.purchaseDate))
                if owned!.parts.isEmpty { ownerless = true }
            }
            let parts = owned!.parts
            if view.counted {
                customers[index].add(customer: bundle.order.customer, day: view.purchaseDate,
                                     scopes: scopes + parts.flatMap(\.scopes))
            }
            try Self.add(view, scopes: scopes, engine: engine, into: &cells[index], uncosted: &uncosted, credits: credits)
            for part in parts {
                try Self.add(OrderView(part.bundle, profile: versions[index]), scopes: part.scopes, engine: engine,
                             into: &cells[index], uncosted: &uncosted, credits: credits)
            }
        }
        if ownerless && !engine.attribution.isEmpty { unattributed.add("orders", shop: bundle.order.shop) }
        if !uncosted.isEmpty, !engine.costs.isEmpty { uncostedSKUs.formUnion(uncosted) }
    }

    /// Applies `change` to every scope's cell of every grain's period containing `date` (and
    /// `last`, for a record that covers a span of days), for the periods `profile` computes.
    static func update(on date: CivilDate, through last: CivilDate? = nil, profile: DefinitionProfile,
                               scopes: [(ScopeType, String)], engine: MetricEngine, cells: inout [CellKey: PeriodTotals],
                               _ change: (inout PeriodTotals) -> Void) {
        for grain in engine.grains {
            let period = grain.period(containing: date)
            guard period.contains(last ?? date), engine.definitions.applies(profile, to: period) else { continue }
            for (type, id) in scopes {
                touch(&cells[CellKey(period: period, scopeType: type, scopeID: id), default: PeriodTotals()], change)
            }
        }
    }

    private static func touch(_ totals: inout PeriodTotals, _ change: (inout PeriodTotals) -> Void) {
        totals.touches += 1
        change(&totals)
    }

    /// Static on purpose: a method on `self` would keep a second reference to `cells` alive while it
    /// is mutated, and copy-on-write would then copy every cell for every order.
    private static func add(_ view: OrderView, scopes: [(ScopeType, String)], engine: MetricEngine,
                            into cells: inout [CellKey: PeriodTotals], uncosted: inout Set<String>,
                            credits: CreditLog?) throws(FXError) {
        let profile = view.profile
        if let credits { credit(view, scopes: scopes, engine: engine, to: credits) }
        let value = try view.salesValueIfKnown(in: profile.currency, fx: engine.fx)
        let counted = view.counted, units = view.units, lineCount = view.sales.count, refunded = view.refunded
        var cogs: Decimal = 0, uncostedLines = 0
        var perSKU: [(sku: String, units: Int, cost: Decimal?)] = []
        if counted {
            for line in view.bundle.lines {
                let cost = engine.costs.unitCost(of: line.sku, on: view.purchaseDate, basis: profile.costBasis)
                if let cost, let converted = try engine.fx.convertIfKnown(cost, to: profile.currency, on: view.purchaseDate) {
                    cogs += converted * Decimal(line.quantity)
                    perSKU.append((line.sku, line.quantity, converted * Decimal(line.quantity)))
                } else {
                    uncostedLines += 1
                    if cost == nil { uncosted.insert(line.sku) }
                    perSKU.append((line.sku, line.quantity, nil))
                }
            }
        }
        // What each SKU sold, for the stock metrics (company only, once per order: not again for its owners' parts).
        if !perSKU.isEmpty, scopes.first?.0 == .company {
            update(on: view.purchaseDate, profile: profile, scopes: [(.company, "all")], engine: engine, cells: &cells) { t in
                for item in perSKU {
                    t.skuSales[item.sku, default: SKUSales()].lines += 1
                    t.skuSales[item.sku]!.units += item.units
                    if let cost = item.cost { t.skuSales[item.sku]!.cogs += cost } else { t.skuSales[item.sku]!.uncosted += 1 }
                }
            }
        }
        let shop = view.bundle.order.shop
        update(on: view.purchaseDate, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
            t.ordersSeen += 1
            guard counted else { return }
            t.orders += 1
            t.lines += lineCount
            t.units += units
            if let value { t.grossSales += value } else { t.unpricedSales += 1 }
            if refunded { t.refundedOrders += 1 }
            t.cogs += cogs
            t.uncostedLines += uncostedLines
            t.salesShops.insert(shop)
        }
        let net = profile.sales == .net
        for counted in view.issuedRefunds {
            let amount = try engine.fx.convertIfKnown(counted.refund.amount, to: profile.currency, on: counted.date)
            update(on: counted.date, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
                if let amount { t.issuedRefunds += amount } else { t.unpricedIssuedRefunds += 1 }
                t.issuedRefundRecords += 1
                guard net else { return }
                if let amount { t.refunds += amount } else { t.unpricedRefunds += 1 }
                t.refundRecords += 1
            }
        }
        let orderShop = view.bundle.order.shop
        for counted in view.returns {
            let quantity = counted.item.quantity
            update(on: counted.date, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
                t.returnedUnits += quantity
                t.returnRecords += 1
                t.returnShops.insert(orderShop)
            }
            if let closed = counted.closed {
                update(on: closed.date, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
                    t.returnsClosed += 1
                    t.returnDays += closed.days
                }
            }
        }
        if let shipment = view.shipment {
            update(on: shipment.date, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
                t.shippedUnits += units
                t.shippedShops.insert(orderShop)
                t.shipped += 1
                t.fulfillmentHours += shipment.hours
                if shipment.onTime { t.shippedOnTime += 1 }
            }
        }
    }

    /// The fact rows, sorted by primary key.
    package func facts() -> [FactMetric] {
        var out = baseFacts()
        out += Self.growth(of: out)
        out += customerFacts()
        out.sort { $0.key < $1.key }
        return out
    }

    /// The fact rows of the periods `scope` recomputes, and the growth rows of those periods and the
    /// ones after them, sorted by primary key. `kept` — the stored rows the scope does not replace —
    /// supplies the values of earlier periods that growth compares with.
    ///
    /// Fed only the records dated in the scope's window, periods outside the scope hold partial sums,
    /// which is why they are dropped here.
    package func facts(in scope: RecomputeScope, stored kept: [FactMetric]) -> [FactMetric] {
        var out = baseFacts().filter { scope.recomputes($0.grain, $0.periodStart) }
        out += Self.growth(of: out + kept).filter { fact in
            scope.replaces(fact.grain, fact.periodStart, metric: fact.metric)
        }
        out += customerFacts().filter { fact in scope.replaces(fact.grain, fact.periodStart, metric: fact.metric) }
        out.sort { $0.key < $1.key }
        return out
    }

    /// The metrics growth rows are computed from.
    static let growthBases: Set<String> = [MetricID.gmv.rawValue, MetricID.sessions.rawValue]
    /// The metrics derived from a period and the one before it.
    package static let growthMetrics: Set<String> = [MetricID.gmvGrowth.rawValue, MetricID.trafficGrowth.rawValue]

    /// Every cell's catalog metrics, unsorted and without growth rows.
    private func baseFacts() -> [FactMetric] {
        var out: [FactMetric] = []
        for (index, profile) in versions.enumerated() {
            for (cell, totals) in cells[index] {
                let days = Self.daysCounted(cell.period, asOf: engine.asOf.map { profile.zone.date(of: $0) })
                let covered = profile.marginFees.deductsFees && feesCovered(totals, cell.period, profile: profile)
                var rows = Self.metrics(totals, profile: profile, days: days, feesCovered: covered)
                if let perHead = perHead(totals, cell, days: days) { rows.append(perHead) }
                for (metric, value, numerator, denominator, count) in rows {
                    out.append(Self.fact(metric, cell: cell, profile: profile, value: value, numerator: numerator,
                                         denominator: denominator, records: count))
                }
            }
        }
        return out
    }

    /// One fact row, rounded as the catalog says.
    static func fact(_ metric: MetricID, cell: CellKey, profile: DefinitionProfile, value: Decimal, numerator: Decimal?,
                     denominator: Decimal?, records: Int) -> FactMetric {
        FactMetric(
            grain: cell.period.grain, periodStart: cell.period.start, periodEnd: cell.period.end,
            timezone: profile.zone.identifier, scopeType: cell.scopeType, scopeID: cell.scopeID,
            metric: metric.rawValue, profile: profile.name, profileVersion: profile.version,
            definition: profile.definition(using: metric.concepts),
            value: value.rounded(scale: metric.scale),
            numerator: numerator?.rounded(scale: metric.unit == "hours" ? 4 : 2),
            denominator: denominator?.rounded(scale: 2),
            unit: metric.unit, currency: metric.unit == "currency" ? profile.currency : nil,
            recordCount: records)
    }

    /// `traffic_growth` and `gmv_growth`: a period's value over the previous period's, minus one,
    /// each period under the version that computed it; absent when the previous period has no value.
    static func growth(of facts: [FactMetric]) -> [FactMetric] {
        struct Key: Hashable {
            var grain: Grain, start: CivilDate, scopeType: ScopeType, scopeID: String, profile: String, metric: String
        }
        var index: [Key: FactMetric] = [:]
        for fact in facts where growthBases.contains(fact.metric) {
            index[Key(grain: fact.grain, start: fact.periodStart, scopeType: fact.scopeType, scopeID: fact.scopeID,
                      profile: fact.profile, metric: fact.metric)] = fact
        }
        var out: [FactMetric] = []
        for (key, fact) in index {
            let previous = Period(grain: key.grain, start: key.start, end: fact.periodEnd).previous
            var earlier = key
            earlier.start = previous.start
            guard let before = index[earlier], before.value > 0 else { continue }
            let metric: MetricID = key.metric == MetricID.gmv.rawValue ? .gmvGrowth : .trafficGrowth
            var row = fact
            row.metric = metric.rawValue
            row.value = (fact.value / before.value - 1).rounded(scale: metric.scale)
            row.numerator = fact.value
            row.denominator = before.value
            row.unit = metric.unit
            row.currency = nil
            row.recordCount = fact.recordCount + before.recordCount
            out.append(row)
        }
        return out
    }

    /// `orders_per_head` of a company or team cell: orders over the mean number of people on the roster
    /// (team members for a team) across the days of P counted; absent without anyone on it then.
    func perHead(_ t: PeriodTotals, _ cell: CellKey, days: Int)
        -> (MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)?
    {
        guard t.ordersSeen > 0, cell.scopeType == .company || cell.scopeType == .team else { return nil }
        let personDays = engine.attribution.personDays(team: cell.scopeType == .team ? cell.scopeID : nil,
                                                       from: cell.period.start, through: cell.period.start.adding(days: days - 1))
        let heads = (Decimal(personDays) / Decimal(days)).rounded(scale: 2)
        guard heads > 0 else { return nil }
        return (.ordersPerHead, Decimal(t.orders) / heads, Decimal(t.orders), heads, t.ordersSeen)
    }

    /// The days of `period` sales have had to happen in: all of them, or those up to the run's day while
    /// the period is under way.
    static func daysCounted(_ period: Period, asOf today: CivilDate?) -> Int {
        guard let today, period.contains(today) else { return period.dayCount }
        return period.start.days(until: today) + 1
    }

    /// The catalog's formulas over one cell; metrics without data are left out, never zero-filled.
    static func metrics(_ t: PeriodTotals, profile: DefinitionProfile, days: Int, feesCovered: Bool = false)
        -> [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)]
    {
        var rows: [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)] = []
        let sales = profile.sales == .net ? t.grossSales - t.refunds : t.grossSales
        // An amount without a rate leaves the sales it belongs to unknown, not smaller.
        let salesKnown = t.unpricedSales == 0 && (profile.sales != .net || t.unpricedRefunds == 0)
        if salesKnown, t.ordersSeen > 0 || t.refundRecords > 0 {
            rows.append((.gmv, sales, nil, nil, t.lines + t.refundRecords))
        }
        if t.ordersSeen > 0 {
            rows.append((.orders, Decimal(t.orders), nil, nil, t.ordersSeen))
            rows.append((.units, Decimal(t.units), nil, nil, t.lines))
        }
        if t.orders > 0 {
            let orders = Decimal(t.orders)
            if salesKnown { rows.append((.aov, sales.rounded(scale: 2) / orders, sales, orders, t.orders)) }
            rows.append((.refundRate, Decimal(t.refundedOrders) / orders, Decimal(t.refundedOrders), orders, t.orders))
        }
        if t.shipped > 0 {
            let shipped = Decimal(t.shipped)
            rows.append((.shippedOrders, shipped, nil, nil, t.shipped))
            rows.append((.fulfillmentHours, t.fulfillmentHours / shipped, t.fulfillmentHours, shipped, t.shipped))
            rows.append((.onTimeShipRate, Decimal(t.shippedOnTime) / shipped, Decimal(t.shippedOnTime), shipped, t.shipped))
        }
        // A shop no return of which was received in the period may have had none, or its returns export for the
        // period is not loaded: unknown, not zero. The rate waits for a return of every shop that shipped.
        if t.shippedUnits > 0, t.shippedShops.isSubset(of: t.returnShops) {
            let shipped = Decimal(t.shippedUnits)
            rows.append((.returnRate, Decimal(t.returnedUnits) / shipped, Decimal(t.returnedUnits), shipped,
                         t.shipped + t.returnRecords))
        }
        if t.returnsClosed > 0 {
            let closed = Decimal(t.returnsClosed)
            rows.append((.returnCycleDays, t.returnDays / closed, t.returnDays, closed, t.returnsClosed))
        }
        if t.answeredTickets > 0 {
            let answered = Decimal(t.answeredTickets)
            rows.append((.firstResponseHours, t.responseHours / answered, t.responseHours, answered, t.answeredTickets))
            rows.append((.slaResponseRate, Decimal(t.answeredInSLA) / answered, Decimal(t.answeredInSLA), answered, t.answeredTickets))
        }
        if t.solvedTickets > 0 {
            let solved = Decimal(t.solvedTickets)
            rows.append((.handleHours, t.handleHours / solved, t.handleHours, solved, t.solvedTickets))
            // Every solved ticket's contacts must be known: a rate over the ones an export happens to describe is another rate.
            if t.solvedWithContacts == t.solvedTickets {
                rows.append((.fcrRate, Decimal(t.firstContactResolved) / solved, Decimal(t.firstContactResolved), solved,
                             t.solvedTickets))
            }
        }
        // Every ticket's tags must be known: one from an export without a tags column is not "no complaint".
        if t.createdTickets > 0, t.taggedTickets == t.createdTickets {
            let created = Decimal(t.createdTickets)
            rows.append((.complaintRate, Decimal(t.complaintTickets) / created, Decimal(t.complaintTickets), created,
                         t.createdTickets))
        }
        if t.ratedTickets > 0 {
            let rated = Decimal(t.ratedTickets)
            rows.append((.csat, Decimal(t.goodTickets) / rated, Decimal(t.goodTickets), rated, t.ratedTickets))
        }
        if t.trafficRows > 0 {
            rows.append((.sessions, Decimal(t.sessions), nil, nil, t.trafficRows))
            rows.append((.pageViews, Decimal(t.pageViews), nil, nil, t.trafficRows))
            if t.sessions > 0 {
                let sessions = Decimal(t.sessions)
                rows.append((.conversionRate, Decimal(t.trafficOrders) / sessions, Decimal(t.trafficOrders), sessions, t.trafficRows))
            }
        }
        if t.tasksDue > 0 {
            let due = Decimal(t.tasksDue)
            rows.append((.taskOnTimeRate, Decimal(t.tasksOnTime) / due, Decimal(t.tasksOnTime), due, t.tasksDue))
        }
        if t.negativeReviewsHandled > 0 {
            let handled = Decimal(t.negativeReviewsHandled)
            rows.append((.negativeReviewHandleHours, t.reviewHandleHours / handled, t.reviewHandleHours, handled,
                         t.negativeReviewsHandled))
        }
        // A term whose outcome is still open makes the share of renewals unknown, not lower.
        if t.contractsDue > 0, t.contractsUndecided == 0 {
            let due = Decimal(t.contractsDue)
            rows.append((.renewalRate, Decimal(t.contractsRenewed) / due, Decimal(t.contractsRenewed), due, t.contractsDue))
        }
        if t.stockDays > 0 {
            let days = Decimal(t.stockDays)
            rows.append((.stockoutRate, Decimal(t.stockoutDays) / days, Decimal(t.stockoutDays), days, t.stockDays))
        }
        rows += money(t, profile: profile, sales: salesKnown ? sales : nil, feesCovered: feesCovered)
        rows += stock(t, days: days)
        return rows
    }

}
