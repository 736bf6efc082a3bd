import Foundation
import KPISchema

/// Running totals per (profile version, grain, period, scope), fed one record at a time.
///
/// Memory is proportional to the number of fact cells (periods × scopes × versions), not to the
/// number of records, so the metric pass stays flat however large the store grows. A record adds to
/// a period only under the version the ``DefinitionSet`` picks for that period.
public struct MetricAccumulator {
    private let engine: MetricEngine
    private let versions: [DefinitionProfile]
    private var cells: [[CellKey: PeriodTotals]]

    struct CellKey: Hashable {
        var period: Period
        var scopeType: ScopeType
        var scopeID: String
    }

    init(engine: MetricEngine) {
        self.engine = engine
        versions = engine.definitions.allVersions
        cells = Array(repeating: [:], count: versions.count)
    }

    /// Adds one order under every profile version.
    public mutating func add(_ bundle: OrderBundle) throws(FXError) {
        let scopes = [(ScopeType.company, "all"), (.platform, bundle.order.key.platform), (.shop, bundle.order.shop)]
        for index in versions.indices {
            let view = OrderView(bundle, profile: versions[index])
            try Self.add(view, scopes: scopes, engine: engine, into: &cells[index])
        }
    }

    /// Adds one help-desk ticket (company scope).
    public mutating func add(ticket record: FlatRecord) {
        for index in versions.indices {
            guard let view = TicketView(record, profile: versions[index]), let hours = view.responseHours else { continue }
            let inSLA = view.withinSLA == true
            Self.update(on: view.createdDate, profile: versions[index], scopes: [(.company, "all")], engine: engine,
                        cells: &cells[index]) { t in
                t.answeredTickets += 1
                t.responseHours += hours
                if inSLA { t.answeredInSLA += 1 }
            }
        }
    }

    /// Adds one inventory snapshot row (company scope).
    public mutating func add(stock record: FlatRecord) {
        for index in versions.indices {
            guard let view = StockView(record, profile: versions[index]), let stockout = view.isStockout else { continue }
            Self.update(on: view.date, profile: versions[index], scopes: [(.company, "all")], engine: engine,
                        cells: &cells[index]) { t in
                t.stockDays += 1
                if stockout { t.stockoutDays += 1 }
            }
        }
    }

    /// Applies `change` to every scope's cell of every grain's period containing `date`, for the
    /// periods `profile` computes.
    private static func update(on date: CivilDate, profile: DefinitionProfile, scopes: [(ScopeType, String)],
                               engine: MetricEngine, cells: inout [CellKey: PeriodTotals],
                               _ change: (inout PeriodTotals) -> Void) {
        for grain in engine.grains {
            let period = grain.period(containing: date)
            guard engine.definitions.applies(profile, to: period) else { continue }
            for (type, id) in scopes {
                change(&cells[CellKey(period: period, scopeType: type, scopeID: id), default: PeriodTotals()])
            }
        }
    }

    /// Static on purpose: a method on `self` would keep a second reference to `cells` alive while it
    /// is mutated, and copy-on-write would then copy every cell for every order.
    private static func add(_ view: OrderView, scopes: [(ScopeType, String)], engine: MetricEngine,
                            into cells: inout [CellKey: PeriodTotals]) throws(FXError) {
        let profile = view.profile
        let value = try view.salesValue(in: profile.currency, fx: engine.fx)
        let counted = view.counted, units = view.units, lineCount = view.sales.count, refunded = view.refunded
        update(on: view.purchaseDate, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
            t.ordersSeen += 1
            guard counted else { return }
            t.orders += 1
            t.lines += lineCount
            t.units += units
            t.grossSales += value
            if refunded { t.refundedOrders += 1 }
        }
        for counted in view.refunds {
            let amount = try engine.fx.convert(counted.refund.amount, to: profile.currency, on: counted.date)
            update(on: counted.date, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
                t.refunds += amount
                t.refundRecords += 1
            }
        }
        if let shipment = view.shipment {
            update(on: shipment.date, profile: profile, scopes: scopes, engine: engine, cells: &cells) { t in
                t.shipped += 1
                t.fulfillmentHours += shipment.hours
                if shipment.onTime { t.shippedOnTime += 1 }
            }
        }
    }

    /// The fact rows, sorted by primary key.
    public func facts() -> [FactMetric] {
        var out: [FactMetric] = []
        for (index, profile) in versions.enumerated() {
            for (cell, totals) in cells[index] {
                for (metric, value, numerator, denominator, count) in Self.metrics(totals, profile: profile) {
                    out.append(FactMetric(
                        grain: cell.period.grain, periodStart: cell.period.start, periodEnd: cell.period.end,
                        timezone: profile.zone.identifier, scopeType: cell.scopeType, scopeID: cell.scopeID,
                        metric: metric.rawValue, profile: profile.name, profileVersion: profile.version,
                        definition: profile.definition(using: metric.concepts),
                        value: value.rounded(scale: metric.scale),
                        numerator: numerator?.rounded(scale: metric.unit == "hours" ? 4 : 2),
                        denominator: denominator?.rounded(scale: 2),
                        unit: metric.unit, currency: metric.unit == "currency" ? profile.currency : nil,
                        recordCount: count))
                }
            }
        }
        out.sort { $0.key < $1.key }
        return out
    }

    /// The catalog's formulas over one cell; metrics without data are left out, never zero-filled.
    static func metrics(_ t: PeriodTotals, profile: DefinitionProfile)
        -> [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)]
    {
        var rows: [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)] = []
        let sales = profile.sales == .net ? t.grossSales - t.refunds : t.grossSales
        if t.ordersSeen > 0 || t.refundRecords > 0 {
            rows.append((.gmv, sales, nil, nil, t.lines + t.refundRecords))
        }
        if t.ordersSeen > 0 {
            rows.append((.orders, Decimal(t.orders), nil, nil, t.ordersSeen))
            rows.append((.units, Decimal(t.units), nil, nil, t.lines))
        }
        if t.orders > 0 {
            let orders = Decimal(t.orders)
            rows.append((.aov, sales.rounded(scale: 2) / orders, sales, orders, t.orders))
            rows.append((.refundRate, Decimal(t.refundedOrders) / orders, Decimal(t.refundedOrders), orders, t.orders))
        }
        if t.shipped > 0 {
            let shipped = Decimal(t.shipped)
            rows.append((.shippedOrders, shipped, nil, nil, t.shipped))
            rows.append((.fulfillmentHours, t.fulfillmentHours / shipped, t.fulfillmentHours, shipped, t.shipped))
            rows.append((.onTimeShipRate, Decimal(t.shippedOnTime) / shipped, Decimal(t.shippedOnTime), shipped, t.shipped))
        }
        if t.answeredTickets > 0 {
            let answered = Decimal(t.answeredTickets)
            rows.append((.firstResponseHours, t.responseHours / answered, t.responseHours, answered, t.answeredTickets))
            rows.append((.slaResponseRate, Decimal(t.answeredInSLA) / answered, Decimal(t.answeredInSLA), answered, t.answeredTickets))
        }
        if t.stockDays > 0 {
            let days = Decimal(t.stockDays)
            rows.append((.stockoutRate, Decimal(t.stockoutDays) / days, Decimal(t.stockoutDays), days, t.stockDays))
        }
        return rows
    }
}
