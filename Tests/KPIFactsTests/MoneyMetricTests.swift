import Foundation
import KPIFacts
import KPISchema
import Testing

/// Net sales, cost of goods, gross margin and advertising, every value worked out by hand below.
///
/// One rate throughout: 1 USD = 7.10 CNY (carried from 30 September). Costs: A 71.00 CNY + 7.10 freight
/// from 1 October, 56.80 CNY + 7.10 from 15 October (a new supplier mid-month); B 10.00 USD + 0.50
/// freight; C none. The China team (cn) takes purchase cost, no fees, 7-day ad sales, gross sales in
/// Beijing time; the US team (us) landed cost, settlement fees, 14-day ad sales, net sales in LA time.
@Suite struct MoneyMetricTests {
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted,
                                      sales: .gross, includeTax: false, includeShipping: false, currency: "CNY")
    static let us = DefinitionProfile(name: "us", version: 1, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD",
                                      adAttribution: .fourteenDays, costBasis: .landed, marginFees: .settlement)
    static let fx = FXTable(rates: [.init(date: CivilDate(iso: "2026-09-30")!, from: "USD", to: "CNY", rate: Decimal(string: "7.10")!)],
                            maxCarryDays: 60)
    static let lineage = Lineage(connector: "test", file: "f", line: 1, contentHash: "h", runID: 1)

    static func ts(_ iso: String) -> Timestamp { Timestamp(instant: Instant(iso8601: iso)!, zone: "UTC") }
    static func d(_ text: String) -> Decimal { Decimal(string: text)! }
    static func date(_ iso: String) -> FlatValue { .date(CivilDate(iso: iso)!) }

    static func flat(_ kind: FlatKind, _ fields: [String: FlatValue]) -> FlatRecord {
        FlatRecord(kind: kind, values: kind.schema.fields.map { fields[$0.name] }, lineage: lineage)
    }

    static func order(_ platform: String, _ id: String, shop: String, at: String) -> Order {
        Order(key: OrderKey(platform: platform, orderID: id), shop: shop, purchasedAt: ts(at), paidAt: nil, status: .shipped,
              statusRaw: "Shipped", currency: "USD", version: nil, lineage: lineage)
    }

    static func line(_ platform: String, _ id: String, _ sku: String, _ quantity: Int, _ amount: String) -> OrderLine {
        OrderLine(key: OrderKey(platform: platform, orderID: id), lineID: sku, sku: sku, quantity: quantity,
                  amount: Money(d(amount), "USD"), tax: Money(0, "USD"), shipping: Money(0, "USD"), version: nil, lineage: lineage)
    }

    static let costs = CostHistory([
        flat(.skuCost, ["sku": .text("A"), "effective_from": date("2026-10-01"), "unit_cost": .decimal(d("71.00")),
                        "freight": .decimal(d("7.10")), "currency": .text("CNY")]),
        flat(.skuCost, ["sku": .text("A"), "effective_from": date("2026-10-15"), "unit_cost": .decimal(d("56.80")),
                        "freight": .decimal(d("7.10")), "currency": .text("CNY")]),
        flat(.skuCost, ["sku": .text("B"), "effective_from": date("2026-09-01"), "unit_cost": .decimal(d("10.00")),
                        "freight": .decimal(d("0.50")), "currency": .text("USD")]),
    ])

    /// A settlement row of `shop`, its settlement covering 28 September – `through` (UTC).
    static func fee(_ shop: String, _ id: String, _ description: String, _ amount: String, at: String,
                    through: String = "2026-11-05T00:00:00Z") -> FlatRecord {
        flat(.fee, ["platform": .text(shop == "amz" ? "amazon" : "shopify"), "settlement_id": .text(id), "fee_type": .text("ItemFees"),
                    "description": .text(description), "amount": .decimal(d(amount)), "currency": .text("USD"),
                    "posted_at": .timestamp(ts(at)), "shop": .text(shop),
                    "settlement_start": .timestamp(ts("2026-09-28T00:00:00Z")), "settlement_end": .timestamp(ts(through))])
    }

    static func ad(_ day: String, spend: String, sales7: String?, orders7: Int?, sales14: String?, orders14: Int?) -> FlatRecord {
        var fields: [String: FlatValue] = ["platform": .text("amazon"), "shop": .text("amz"), "date": date(day),
                                           "campaign": .text("SP - A"), "sku": .text("A"), "spend": .decimal(d(spend)),
                                           "currency": .text("USD")]
        if let sales7 { fields["sales"] = .decimal(d(sales7)) }
        if let orders7 { fields["orders"] = .integer(orders7) }
        if let sales14 { fields["sales_14d"] = .decimal(d(sales14)) }
        if let orders14 { fields["orders_14d"] = .integer(orders14) }
        return flat(.adSpend, fields)
    }

    /// O1 dtc 10 Oct: 2 × A (40) + 1 × B (30), 10 USD refunded 3 Nov 00:00Z (Nov in both zones).
    /// O2 amz 20 Oct: 1 × A (25), after A's cost change. O3 dtc 10 Nov: 1 × C (20), which has no cost.
    static func records(dtcFee: Bool = true, amzThrough: String = "2026-11-05T00:00:00Z") -> RecordSet {
        RecordSet(
            orders: [order("shopify", "O1", shop: "dtc", at: "2026-10-10T12:00:00Z"),
                     order("amazon", "O2", shop: "amz", at: "2026-10-20T03:00:00Z"),
                     order("shopify", "O3", shop: "dtc", at: "2026-11-10T12:00:00Z")],
            lines: [line("shopify", "O1", "A", 2, "40"), line("shopify", "O1", "B", 1, "30"),
                    line("amazon", "O2", "A", 1, "25"), line("shopify", "O3", "C", 1, "20")],
            refunds: [Refund(key: OrderKey(platform: "shopify", orderID: "O1"), refundID: "r1", amount: Money(10, "USD"),
                             refundedAt: ts("2026-11-03T00:00:00Z"), lineage: lineage)],
            flat: [fee("amz", "S1", "Commission", "-3.75", at: "2026-10-21T10:00:00Z", through: amzThrough),
                   fee("amz", "S1", "FBAPerUnitFulfillmentFee", "-3.25", at: "2026-10-21T10:00:00Z", through: amzThrough),
                   // Not a selling fee: advertising billed through the settlement stays out of margin.
                   fee("amz", "S1", "Cost of Advertising", "-50.00", at: "2026-10-21T10:00:00Z", through: amzThrough)]
                + (dtcFee ? [fee("dtc", "P1", "Commission", "-2.05", at: "2026-10-11T00:00:00Z")] : [])
                + [ad("2026-10-01", spend: "10.00", sales7: "40.00", orders7: 2, sales14: "50.00", orders14: 3),
                   // No attributed order in either window: the console leaves sales empty, which is 0.
                   ad("2026-10-02", spend: "5.00", sales7: nil, orders7: 0, sales14: nil, orders14: 0),
                   // A report without the 14-day columns: the US team's ad sales for November are unknown.
                   ad("2026-11-05", spend: "4.00", sales7: "20.00", orders7: 1, sales14: nil, orders14: nil)])
    }

    static let metrics: Set<String> = ["net_sales", "cogs", "gross_margin", "ad_spend", "ad_sales", "acos", "roas", "tacos"]

    private func values(_ facts: [FactMetric], grain: Grain = .month, start: String, scope: ScopeType = .company,
                        id: String = "all", profile: String) -> [String: String] {
        var out: [String: String] = [:]
        for f in facts where f.grain == grain && f.periodStart.description == start && f.scopeType == scope
            && f.scopeID == id && f.profile == profile && Self.metrics.contains(f.metric) {
            out[f.metric] = f.value.plainString
        }
        return out
    }

    private func engine() -> MetricEngine {
        MetricEngine(profiles: [Self.cn, Self.us], fx: Self.fx, costs: Self.costs)
    }

    @Test func chinaTeamOctober() throws {
        let facts = try engine().facts(from: Self.records()).facts
        // Sales 95 USD × 7.10 = 674.50; the refund falls in November. Cost: O1 2 × 71.00 + 10 USD × 7.10 = 213.00,
        // O2 1 × 56.80 (the new supplier's) = 269.80. Margin (674.50 − 269.80) / 674.50 = 404.70 / 674.50 = 0.6.
        // Ads, 7-day window: spend 15 × 7.10 = 106.50, sales 40 × 7.10 = 284.00 (the empty cell with 0 orders is 0);
        // ACoS 106.50 / 284 = 0.375, ROAS 284 / 106.50 = 2.6666…. No company TACoS: dtc sold and has no ad report,
        // so its spend is unknown; amz's is 106.50 over its own 25 × 7.10 = 177.50 of sales: 0.6.
        #expect(values(facts, start: "2026-10-01", profile: "cn") == [
            "net_sales": "674.5", "cogs": "269.8", "gross_margin": "0.6",
            "ad_spend": "106.5", "ad_sales": "284", "acos": "0.375", "roas": "2.6667",
        ])
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "amz", profile: "cn")["tacos"] == "0.6")
        // The day after the cost change costs the new price.
        #expect(values(facts, grain: .day, start: "2026-10-20", profile: "cn")["cogs"] == "56.8")
    }

    @Test func usTeamOctober() throws {
        let facts = try engine().facts(from: Self.records()).facts
        // Landed cost: A (71.00 + 7.10) / 7.10 = 11 USD × 2, B 10.50, A after 15 Oct (56.80 + 7.10) / 7.10 = 9 → 41.50.
        // Fees 3.75 + 3.25 + 2.05 = 9.05. Margin (95 − 41.50 − 9.05) / 95 = 44.45 / 95 = 0.4678947….
        // Ads, 14-day window: sales 50; ACoS 15 / 50 = 0.3, ROAS 3.3333…; amz's TACoS 15 / 25.
        #expect(values(facts, start: "2026-10-01", profile: "us") == [
            "net_sales": "95", "cogs": "41.5", "gross_margin": "0.467895",
            "ad_spend": "15", "ad_sales": "50", "acos": "0.3", "roas": "3.3333",
        ])
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "amz", profile: "us")["tacos"] == "0.6")
        let margin = try #require(facts.first { $0.metric == "gross_margin" && $0.profile == "us" && $0.grain == .month
            && $0.scopeType == .company && $0.periodStart.description == "2026-10-01" })
        #expect(margin.numerator == Self.d("44.45") && margin.denominator == 95)
        // Each shop its own fees: dtc (70 − 32.50 − 2.05) / 70 = 0.5064285…; amz (25 − 9 − 7) / 25 = 0.36.
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "dtc", profile: "us")["gross_margin"] == "0.506429")
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "amz", profile: "us")["gross_margin"] == "0.36")
    }

    /// `margin_fees: referral` deducts the commission rows only: not amz's fulfilment fee, nor its advertising.
    @Test func referralOnlyDeductsTheCommission() throws {
        var referral = Self.us
        referral.marginFees = .referral
        let facts = try MetricEngine(profiles: [Self.cn, referral], fx: Self.fx, costs: Self.costs).facts(from: Self.records()).facts
        // Fees 3.75 (amz) + 2.05 (dtc) = 5.80. Margin (95 − 41.50 − 5.80) / 95 = 47.70 / 95 = 0.5021052…;
        // amz alone (25 − 9 − 3.75) / 25 = 0.49.
        #expect(values(facts, start: "2026-10-01", profile: "us")["gross_margin"] == "0.502105")
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "amz", profile: "us")["gross_margin"] == "0.49")
        #expect(referral.definition(using: [.marginFees]) == "us/v1 margin_fees=referral")
    }

    @Test func novemberLeavesOutWhatItCannotKnow() throws {
        let (facts, _) = try engine().facts(from: Self.records())
        #expect(try engine().accumulated(Self.records()).uncostedSKUs == ["C"])
        // Net sales: O3's 20 USD less the 10 USD refund, whatever the sales basis: cn 142 − 71, us 20 − 10.
        // C has no cost, so neither cogs nor margin; the US team's November ads have no 14-day sales.
        // No TACoS: in November only dtc sold, and it has no ad report.
        #expect(values(facts, start: "2026-11-01", profile: "cn") == [
            "net_sales": "71", "ad_spend": "28.4", "ad_sales": "142", "acos": "0.2", "roas": "5",
        ])
        #expect(values(facts, start: "2026-11-01", profile: "us") == ["net_sales": "10", "ad_spend": "4"])
    }

    @Test func marginWaitsForEveryShopsFees() throws {
        let facts = try engine().facts(from: Self.records(dtcFee: false)).facts
        // dtc sold in October without a settlement fee: its margin, and the company's, are left out under us.
        #expect(values(facts, start: "2026-10-01", profile: "us")["gross_margin"] == nil)
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "dtc", profile: "us")["gross_margin"] == nil)
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "amz", profile: "us")["gross_margin"] == "0.36")
        // The China team deducts no fees: its margin does not wait.
        #expect(values(facts, start: "2026-10-01", profile: "cn")["gross_margin"] == "0.6")
        let accumulator = try engine().accumulated(Self.records(dtcFee: false))
        let missing = accumulator.shopsWithoutFees()["us"]?.map { "\($0.shop) \($0.months.joined(separator: ","))" }
        #expect(missing == ["dtc 2026-10,2026-11"])
        #expect(accumulator.shopsWithoutFees()["cn"] == nil)
    }

    @Test func aSettlementOfHalfTheMonthIsNotTheMonthsFees() throws {
        // amz's settlement covers only up to 16 October: its October fees are not all known.
        let facts = try engine().facts(from: Self.records(amzThrough: "2026-10-16T00:00:00Z")).facts
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "amz", profile: "us")["gross_margin"] == nil)
        #expect(values(facts, start: "2026-10-01", profile: "us")["gross_margin"] == nil)
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "dtc", profile: "us")["gross_margin"] == "0.506429")
        // A day its settlement does cover has its margin: 10 October, O1's day at dtc.
        #expect(values(facts, grain: .day, start: "2026-10-10", scope: .shop, id: "dtc", profile: "us")["gross_margin"] != nil)
        let missing = try engine().accumulated(Self.records(amzThrough: "2026-10-16T00:00:00Z")).shopsWithoutFees()["us"]
        #expect(missing?.map(\.shop) == ["amz", "dtc"])
    }

    @Test func withoutCostsThereIsNoCogs() throws {
        let facts = try MetricEngine(profiles: [Self.cn], fx: Self.fx).facts(from: Self.records()).facts
        #expect(!facts.contains { $0.metric == "cogs" || $0.metric == "gross_margin" })
        let accumulator = try MetricEngine(profiles: [Self.cn], fx: Self.fx).accumulated(Self.records())
        // Nothing to name when no cost is loaded at all: the catalog says the metrics need a cost file.
        #expect(accumulator.uncostedSKUs.isEmpty)
    }
}
