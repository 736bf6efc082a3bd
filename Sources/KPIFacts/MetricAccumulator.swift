import Foundation
import KPISchema

/// Running totals per (profile, grain, period, scope), fed one order at a time.
///
/// Memory is proportional to the number of fact cells (periods × scopes × profiles), not to the
/// number of orders, so the metric pass stays flat however large the store grows.
public struct MetricAccumulator {
    private let engine: MetricEngine
    private var cells: [[CellKey: PeriodTotals]]

    struct CellKey: Hashable {
        var period: Period
        var scopeType: ScopeType
        var scopeID: String
    }

    init(engine: MetricEngine) {
        self.engine = engine
        cells = Array(repeating: [:], count: engine.profiles.count)
    }

    /// Adds one order under every profile.
    public mutating func add(_ bundle: OrderBundle) throws(FXError) {
        for index in engine.profiles.indices {
            try Self.add(bundle, profile: engine.profiles[index], fx: engine.fx, grains: engine.grains, into: &cells[index])
        }
    }

    /// Static on purpose: a method on `self` would keep a second reference to `cells` alive while it
    /// is mutated, and copy-on-write would then copy every cell for every order.
    private static func add(_ bundle: OrderBundle, profile: DefinitionProfile, fx: FXTable, grains: [Grain],
                            into cells: inout [CellKey: PeriodTotals]) throws(FXError) {
        let order = bundle.order
        let zone = profile.zone

        func update(on date: CivilDate, _ change: (inout PeriodTotals) -> Void) {
            for grain in grains {
                let period = grain.period(containing: date)
                for (type, id) in [(ScopeType.company, "all"), (.platform, order.key.platform), (.shop, order.shop)] {
                    change(&cells[CellKey(period: period, scopeType: type, scopeID: id), default: PeriodTotals()])
                }
            }
        }

        let purchaseDate = zone.date(of: order.purchasedAt.instant)
        let cancelled = order.isCancelled

        // Sales, orders, units, refund rate: by purchase date.
        var value: Decimal = 0
        var units = 0
        if !cancelled {
            for line in bundle.lines {
                var amount = line.amount.amount
                if profile.includeTax { amount += line.tax.amount }
                if profile.includeShipping { amount += line.shipping.amount }
                value += try fx.convert(Money(amount, line.amount.currency), to: profile.currency, on: purchaseDate)
                units += line.quantity
            }
        }
        let refunded = !bundle.refunds.isEmpty
        let lineCount = bundle.lines.count
        update(on: purchaseDate) { t in
            t.ordersSeen += 1
            guard !cancelled else { return }
            t.orders += 1
            t.lines += lineCount
            t.units += units
            t.grossSales += value
            if refunded { t.refundedOrders += 1 }
        }

        // Net sales deduct refunds in the period they were issued (or, undated, the purchase period).
        if profile.sales == .net && !cancelled {
            for refund in bundle.refunds {
                let date = refund.refundedAt.map { zone.date(of: $0.instant) } ?? purchaseDate
                let amount = try fx.convert(refund.amount, to: profile.currency, on: date)
                update(on: date) { t in
                    t.refunds += amount
                    t.refundRecords += 1
                }
            }
        }

        // Shipping metrics: by the date of the profile's "shipped" event.
        if !cancelled, let shipped = bundle.events[profile.shipped] {
            let start = order.paidAt?.instant ?? order.purchasedAt.instant
            let seconds = shipped.occurredAt.instant.secondsSinceEpoch - start.secondsSinceEpoch
            let hours = Decimal(seconds) / 3600
            let onTime = seconds <= Int64(profile.shipSLAHours) * 3600
            update(on: zone.date(of: shipped.occurredAt.instant)) { t in
                t.shipped += 1
                t.fulfillmentHours += hours
                if onTime { t.shippedOnTime += 1 }
            }
        }
    }

    /// The fact rows, sorted by primary key.
    public func facts() -> [FactMetric] {
        var out: [FactMetric] = []
        for (index, profile) in engine.profiles.enumerated() {
            for (cell, totals) in cells[index] {
                for (metric, value, numerator, denominator, count) in Self.metrics(totals, profile: profile) {
                    out.append(FactMetric(
                        grain: cell.period.grain, periodStart: cell.period.start, periodEnd: cell.period.end,
                        timezone: profile.zone.identifier, scopeType: cell.scopeType, scopeID: cell.scopeID,
                        metric: metric.rawValue, profile: profile.name,
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
        return rows
    }
}
