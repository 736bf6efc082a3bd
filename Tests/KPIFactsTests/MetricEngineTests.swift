import Foundation
import KPIFacts
import KPISchema
import Testing

/// Three orders whose every metric value was worked out by hand (see the comments), under the
/// sample workspace's two profiles.
@Suite struct MetricEngineTests {
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted,
                                      sales: .gross, includeTax: false, includeShipping: false, currency: "CNY", shipSLAHours: 48)
    static let us = DefinitionProfile(name: "us", version: 2, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD", shipSLAHours: 48)
    static let fx = FXTable(rates: [
        .init(date: CivilDate(iso: "2026-10-09")!, from: "USD", to: "CNY", rate: Decimal(string: "7.10")!),
        .init(date: CivilDate(iso: "2026-10-19")!, from: "USD", to: "CNY", rate: Decimal(string: "7.15")!),
        .init(date: CivilDate(iso: "2026-10-30")!, from: "USD", to: "CNY", rate: Decimal(string: "7.20")!),
    ])

    static func ts(_ iso: String) -> Timestamp { Timestamp(instant: Instant(iso8601: iso)!, zone: "UTC") }
    static let lineage = Lineage(connector: "test", file: "f", line: 1, contentHash: "h", runID: 1)

    /// A: amazon, bought 2026-10-31 17:00Z (1 Nov 01:00 Beijing, 31 Oct 10:00 LA), 2 × 10.00 USD;
    ///    label 1 Nov 02:00Z (9 h), first scan 2 Nov 20:00Z (51 h).
    /// B: shopify, bought 10 Oct 12:00Z, 1 × 50.00 USD, refund 10.00 on 20 Oct 00:00Z (19 Oct LA);
    ///    label 11 Oct 12:00Z (24 h), first scan 13 Oct 14:00Z (74 h, late).
    /// C: amazon, cancelled, bought 5 Oct, 99.00 USD.
    static let records = RecordSet(
        orders: [
            Order(key: OrderKey(platform: "amazon", orderID: "A"), shop: "amz", purchasedAt: ts("2026-10-31T17:00:00Z"),
                  paidAt: nil, status: .shipped, statusRaw: "Shipped", currency: "USD", version: nil, lineage: lineage),
            Order(key: OrderKey(platform: "shopify", orderID: "B"), shop: "dtc", purchasedAt: ts("2026-10-10T11:00:00Z"),
                  paidAt: ts("2026-10-10T12:00:00Z"), status: .open, statusRaw: "paid", currency: "USD", version: nil, lineage: lineage),
            Order(key: OrderKey(platform: "amazon", orderID: "C"), shop: "amz", purchasedAt: ts("2026-10-05T12:00:00Z"),
                  paidAt: nil, status: .cancelled, statusRaw: "Cancelled", currency: "USD", version: nil, lineage: lineage),
        ],
        lines: [
            OrderLine(key: OrderKey(platform: "amazon", orderID: "A"), lineID: "S1", sku: "S1", quantity: 2,
                      amount: Money(20, "USD"), tax: Money(Decimal(string: "1.60")!, "USD"), shipping: Money(0, "USD"),
                      version: nil, lineage: lineage),
            OrderLine(key: OrderKey(platform: "shopify", orderID: "B"), lineID: "S2", sku: "S2", quantity: 1,
                      amount: Money(50, "USD"), tax: Money(4, "USD"), shipping: Money(5, "USD"), version: nil, lineage: lineage),
            OrderLine(key: OrderKey(platform: "amazon", orderID: "C"), lineID: "S3", sku: "S3", quantity: 1,
                      amount: Money(99, "USD"), tax: Money(0, "USD"), shipping: Money(0, "USD"), version: nil, lineage: lineage),
        ],
        events: [
            FulfillmentEvent(key: OrderKey(platform: "amazon", orderID: "A"), kind: .labelPrinted, occurredAt: ts("2026-11-01T02:00:00Z"), trackingNumber: nil, lineage: lineage),
            FulfillmentEvent(key: OrderKey(platform: "amazon", orderID: "A"), kind: .carrierFirstScan, occurredAt: ts("2026-11-02T20:00:00Z"), trackingNumber: nil, lineage: lineage),
            FulfillmentEvent(key: OrderKey(platform: "shopify", orderID: "B"), kind: .labelPrinted, occurredAt: ts("2026-10-11T12:00:00Z"), trackingNumber: nil, lineage: lineage),
            FulfillmentEvent(key: OrderKey(platform: "shopify", orderID: "B"), kind: .carrierFirstScan, occurredAt: ts("2026-10-13T14:00:00Z"), trackingNumber: nil, lineage: lineage),
            FulfillmentEvent(key: OrderKey(platform: "ebay", orderID: "Z"), kind: .labelPrinted, occurredAt: ts("2026-10-13T14:00:00Z"), trackingNumber: nil, lineage: lineage),
        ],
        refunds: [
            Refund(key: OrderKey(platform: "shopify", orderID: "B"), refundID: "r1", amount: Money(10, "USD"),
                   refundedAt: ts("2026-10-20T00:00:00Z"), lineage: lineage),
        ])

    private func values(_ facts: [FactMetric], grain: Grain = .month, start: String, scope: ScopeType = .company,
                        id: String = "all", profile: String) -> [String: String] {
        var out: [String: String] = [:]
        for f in facts where f.grain == grain && f.periodStart.description == start && f.scopeType == scope
            && f.scopeID == id && f.profile == profile {
            out[f.metric] = f.value.plainString
        }
        return out
    }

    @Test func chinaTeamMonths() throws {
        let (facts, diagnostics) = try MetricEngine(profiles: [Self.cn, Self.us], fx: Self.fx).facts(from: Self.records)
        // October (Beijing): B only; C is cancelled. gmv = 50 × 7.10; B label 24 h after payment. Gross sales keep
        // the refund, net sales deduct it at its own day's rate: 355 − 10 × 7.15.
        #expect(values(facts, start: "2026-10-01", profile: "cn") == [
            "gmv": "355", "net_sales": "283.5", "orders": "1", "aov": "355", "units": "1", "refund_rate": "1",
            "shipped_orders": "1", "fulfillment_hours": "24", "on_time_ship_rate": "1",
        ])
        // November (Beijing): A, at 30 Oct's rate carried over the weekend: 20 × 7.20; label 9 h after purchase.
        #expect(values(facts, start: "2026-11-01", profile: "cn") == [
            "gmv": "144", "net_sales": "144", "orders": "1", "aov": "144", "units": "2", "refund_rate": "0",
            "shipped_orders": "1", "fulfillment_hours": "9", "on_time_ship_rate": "1",
            // 144 over October's 355: 144 / 355 − 1 = −0.5943662 → 6 places.
            "gmv_growth": "-0.594366",
        ])
        #expect(diagnostics.orphanEvents == 1)
    }

    @Test func usTeamMonths() throws {
        let (facts, _) = try MetricEngine(profiles: [Self.cn, Self.us], fx: Self.fx).facts(from: Self.records)
        // October (LA): A and B bought; net = 70 − 10 refunded on 19 Oct; B's first scan 74 h after payment.
        #expect(values(facts, start: "2026-10-01", profile: "us") == [
            "gmv": "60", "net_sales": "60", "orders": "2", "aov": "30", "units": "3", "refund_rate": "0.5",
            "shipped_orders": "1", "fulfillment_hours": "74", "on_time_ship_rate": "0",
        ])
        // November (LA): nothing bought, so no sales metrics at all (absent, not zero); A scanned 51 h after purchase.
        #expect(values(facts, start: "2026-11-01", profile: "us") == [
            "shipped_orders": "1", "fulfillment_hours": "51", "on_time_ship_rate": "0",
        ])
    }

    @Test func scopesWeeksAndDefinitions() throws {
        let (facts, _) = try MetricEngine(profiles: [Self.cn, Self.us], fx: Self.fx).facts(from: Self.records)
        #expect(values(facts, start: "2026-10-01", scope: .shop, id: "dtc", profile: "us")["gmv"] == "40")
        #expect(values(facts, start: "2026-10-01", scope: .platform, id: "amazon", profile: "us")["orders"] == "1")
        // ISO week of Sunday 1 Nov 2026 starts Monday 26 Oct.
        #expect(values(facts, grain: .week, start: "2026-10-26", profile: "cn")["orders"] == "1")
        #expect(values(facts, grain: .day, start: "2026-10-31", profile: "us")["gmv"] == "20")
        let gmv = facts.first { $0.metric == "gmv" && $0.profile == "us" }!
        #expect(gmv.definition == "us/v2 timezone=America/Los_Angeles sales=net tax=excluded shipping=excluded currency=USD")
        #expect(gmv.currency == "USD")
        let hours = facts.first { $0.metric == "fulfillment_hours" && $0.profile == "us" && $0.grain == .month && $0.periodStart.description == "2026-10-01" && $0.scopeType == .company }!
        #expect(hours.numerator == 74 && hours.denominator == 1 && hours.unit == "hours")
        #expect(facts == facts.sorted { $0.key < $1.key })
    }

    @Test func includingTaxAndShipping() throws {
        var withTax = Self.us
        withTax.includeTax = true
        withTax.includeShipping = true
        withTax.sales = .gross
        let (facts, _) = try MetricEngine(profiles: [withTax], fx: Self.fx).facts(from: Self.records)
        // (20 + 1.60) + (50 + 4 + 5)
        #expect(values(facts, start: "2026-10-01", profile: "us")["gmv"] == "80.6")
    }

    @Test func missingRateFailsLoudly() {
        let early = FXTable(rates: [.init(date: CivilDate(iso: "2026-11-01")!, from: "USD", to: "CNY", rate: 7)])
        #expect(throws: FXError.missingRate(from: "USD", to: "CNY", date: CivilDate(iso: "2026-10-10")!, maxCarryDays: 7)) {
            try MetricEngine(profiles: [Self.cn], fx: early).facts(from: Self.records)
        }
    }
}
