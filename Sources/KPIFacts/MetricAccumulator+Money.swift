import Foundation
import KPISchema

extension MetricAccumulator {
    /// Net sales, cost of goods, margin and advertising: left out of a cell while any amount in it has no
    /// rate, any line sold has no unit cost, or (margin after settlement fees) the settlements of a shop that
    /// sold do not cover the period.
    static func money(_ t: PeriodTotals, profile: DefinitionProfile, sales: Decimal?, feesCovered: Bool)
        -> [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)]
    {
        var rows: [(MetricID, Decimal, numerator: Decimal?, denominator: Decimal?, records: Int)] = []
        let netKnown = t.unpricedSales == 0 && t.unpricedIssuedRefunds == 0
        let netSales = t.grossSales - t.issuedRefunds
        if netKnown, t.ordersSeen > 0 || t.issuedRefundRecords > 0 {
            rows.append((.netSales, netSales, nil, nil, t.lines + t.issuedRefundRecords))
        }
        let cogsKnown = t.lines > 0 && t.uncostedLines == 0
        if cogsKnown { rows.append((.cogs, t.cogs, nil, nil, t.lines)) }
        let feesKnown: Bool
        switch profile.marginFees {
        case .none: feesKnown = true
        case .referral, .settlement: feesKnown = t.unpricedFees == 0 && feesCovered
        }
        // Each ratio is tested on the denominator it divides by (rounded), so a tiny positive sum never divides by 0.
        if netKnown, cogsKnown, feesKnown, netSales.rounded(scale: 2) > 0 {
            // Only the rows the profile deducts reach its cells (see `add(fee:)`).
            let fees = profile.marginFees.deductsFees ? t.fees : 0
            let margin = netSales.rounded(scale: 2) - t.cogs.rounded(scale: 2) - fees.rounded(scale: 2)
            let records = t.lines + t.issuedRefundRecords + (profile.marginFees.deductsFees ? t.feeRows : 0)
            rows.append((.grossMargin, margin / netSales.rounded(scale: 2), margin, netSales, records))
        }
        if t.adRows > 0, t.unpricedAds == 0 {
            rows.append((.adSpend, t.adSpend, nil, nil, t.adRows))
            if t.adSalesUnknown == 0 {
                rows.append((.adSales, t.adSales, nil, nil, t.adRows))
                if t.adSales.rounded(scale: 2) > 0 {
                    rows.append((.acos, t.adSpend.rounded(scale: 2) / t.adSales.rounded(scale: 2), t.adSpend, t.adSales, t.adRows))
                }
                if t.adSpend.rounded(scale: 2) > 0 {
                    rows.append((.roas, t.adSales.rounded(scale: 2) / t.adSpend.rounded(scale: 2), t.adSales, t.adSpend, t.adRows))
                }
            }
            // Against the sales of shops whose advertising is loaded: a shop with sales and no ad report may
            // advertise, and its spend would be missing from the numerator only.
            if let sales, sales.rounded(scale: 2) > 0, t.salesShops.isSubset(of: t.adShops) {
                rows.append((.tacos, t.adSpend.rounded(scale: 2) / sales.rounded(scale: 2), t.adSpend, sales,
                             t.adRows + t.lines + t.refundRecords))
            }
        }
        return rows
    }
}
