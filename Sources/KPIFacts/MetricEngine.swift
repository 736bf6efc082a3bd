import Foundation
import KPISchema

/// Computes `fact_metric` rows from normalized records under each definition profile.
///
/// Pure: the same records, profiles and rates always give the same rows in the same order, which
/// is what makes re-exports byte-identical. Formulas follow DOMAIN.md's metric catalog.
public struct MetricEngine: Sendable {
    public var profiles: [DefinitionProfile]
    public var fx: FXTable
    public var grains: [Grain]

    public init(profiles: [DefinitionProfile], fx: FXTable, grains: [Grain] = Grain.allCases) {
        self.profiles = profiles
        self.fx = fx
        self.grains = grains
    }

    /// What a computation produced besides facts: records that could not be attributed.
    public struct Diagnostics: Sendable, Hashable {
        /// Fulfillment events and refunds whose order is not in the store (no shop, no payment time).
        public var orphanEvents = 0
        public var orphanRefunds = 0

        public init() {}
    }

    public func facts(from records: RecordSet) throws(FXError) -> (facts: [FactMetric], diagnostics: Diagnostics) {
        var all: [FactMetric] = []
        var diagnostics = Diagnostics()
        let index = OrderIndex(records)
        diagnostics.orphanEvents = index.orphanEvents
        diagnostics.orphanRefunds = index.orphanRefunds
        for profile in profiles {
            all += try facts(index: index, profile: profile)
        }
        all.sort { $0.key < $1.key }
        return (all, diagnostics)
    }

    private struct CellKey: Hashable {
        var period: Period
        var scopeType: ScopeType
        var scopeID: String
    }

    private func facts(index: OrderIndex, profile: DefinitionProfile) throws(FXError) -> [FactMetric] {
        var cells: [CellKey: PeriodTotals] = [:]
        let zone = profile.zone

        func update(_ order: Order, on date: CivilDate, _ change: (inout PeriodTotals) -> Void) {
            for grain in grains {
                let period = grain.period(containing: date)
                for (type, id) in [(ScopeType.company, "all"), (.platform, order.key.platform), (.shop, order.shop)] {
                    change(&cells[CellKey(period: period, scopeType: type, scopeID: id), default: PeriodTotals()])
                }
            }
        }

        for entry in index.entries {
            let order = entry.order
            let purchaseDate = zone.date(of: order.purchasedAt.instant)

            // Sales, orders, units, refund rate: by purchase date.
            var value: Decimal = 0
            var units = 0
            if !order.isCancelled {
                for line in entry.lines {
                    var amount = line.amount.amount
                    if profile.includeTax { amount += line.tax.amount }
                    if profile.includeShipping { amount += line.shipping.amount }
                    value += try fx.convert(Money(amount, line.amount.currency), to: profile.currency, on: purchaseDate)
                    units += line.quantity
                }
            }
            let cancelled = order.isCancelled
            let refunded = !entry.refunds.isEmpty
            let lineCount = entry.lines.count
            update(order, on: purchaseDate) { t in
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
                for refund in entry.refunds {
                    let date = refund.refundedAt.map { zone.date(of: $0.instant) } ?? purchaseDate
                    let amount = try fx.convert(refund.amount, to: profile.currency, on: date)
                    update(order, on: date) { t in
                        t.refunds += amount
                        t.refundRecords += 1
                    }
                }
            }

            // Shipping metrics: by the date of the profile's "shipped" event.
            if !cancelled, let shipped = entry.events[profile.shipped] {
                let start = order.paidAt?.instant ?? order.purchasedAt.instant
                let seconds = shipped.occurredAt.instant.secondsSinceEpoch - start.secondsSinceEpoch
                let hours = Decimal(seconds) / 3600
                let onTime = seconds <= Int64(profile.shipSLAHours) * 3600
                update(order, on: zone.date(of: shipped.occurredAt.instant)) { t in
                    t.shipped += 1
                    t.fulfillmentHours += hours
                    if onTime { t.shippedOnTime += 1 }
                }
            }
        }

        var out: [FactMetric] = []
        for (cell, totals) in cells {
            for (metric, value, numerator, denominator, count) in Self.metrics(totals, profile: profile) {
                out.append(FactMetric(
                    grain: cell.period.grain, periodStart: cell.period.start, periodEnd: cell.period.end,
                    timezone: zone.identifier, scopeType: cell.scopeType, scopeID: cell.scopeID,
                    metric: metric.rawValue, profile: profile.name,
                    definition: profile.definition(using: metric.concepts),
                    value: value.rounded(scale: metric.scale),
                    numerator: numerator?.rounded(scale: metric.unit == "hours" ? 4 : 2),
                    denominator: denominator?.rounded(scale: 2),
                    unit: metric.unit, currency: metric.unit == "currency" ? profile.currency : nil,
                    recordCount: count))
            }
        }
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
