import Foundation
import KPISchema

extension MetricAccumulator {
    /// Turnover, days of inventory and sell-through, from the period's snapshot days (company cells):
    /// left out when the period has no snapshot, or (turnover) a snapshot SKU or a line sold has no cost.
    static func stock(_ t: PeriodTotals, days: Int)
        -> [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)]
    {
        guard !t.stockLevels.isEmpty else { return [] }
        var rows: [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)] = []
        // The sales of the SKUs the snapshots count, so stock and sales describe the same goods.
        var sold = SKUSales()
        for sku in t.stockSKUs {
            guard let s = t.skuSales[sku] else { continue }
            sold.lines += s.lines
            sold.units += s.units
            sold.cogs += s.cogs
            sold.uncosted += s.uncosted
        }
        let snapshots = Decimal(t.stockLevels.count)
        let meanUnits = Decimal(t.stockLevels.values.reduce(0) { $0 + $1.units }) / snapshots
        let records = sold.lines + t.stockDays
        if t.ordersSeen > 0, sold.uncosted == 0, t.stockLevels.values.allSatisfy({ $0.uncosted == 0 }) {
            let meanValue = (t.stockLevels.values.reduce(Decimal(0)) { $0 + $1.value } / snapshots).rounded(scale: 2)
            if meanValue > 0 {
                rows.append((.inventoryTurnover, sold.cogs.rounded(scale: 2) / meanValue, sold.cogs, meanValue, records))
            }
        }
        if sold.units > 0 {
            // Unit-days of stock over units sold: the mean stock divided by the mean daily sales, without
            // rounding either mean first.
            let unitDays = meanUnits * Decimal(days)
            rows.append((.daysOfInventory, unitDays / Decimal(sold.units), unitDays, Decimal(sold.units), records))
        }
        let ending = t.stockLevels[t.stockLevels.keys.max()!]!.units
        if t.ordersSeen > 0, sold.units + ending > 0 {
            let total = Decimal(sold.units + ending)
            rows.append((.sellThroughRate, Decimal(sold.units) / total, Decimal(sold.units), total, records))
        }
        return rows
    }
}
