import Foundation
import KPIFacts
import KPISchema
import Testing

/// Repurchase and retention rates, worked out by hand below.
///
/// The China team (cn) cuts days in Beijing and looks for a second order within 45 days; the US team (us)
/// cuts them in Los Angeles with a 60-day window. Shop `dtc` names every buyer; shop `amz` does not.
@Suite struct CustomerMetricTests {
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted,
                                      sales: .gross, includeTax: false, includeShipping: false, currency: "USD",
                                      repurchaseWindowDays: 45)
    static let us = DefinitionProfile(name: "us", version: 1, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD",
                                      repurchaseWindowDays: 60)
    static let lineage = Lineage(connector: "test", file: "f", line: 1, contentHash: "h", runID: 1)

    static func order(_ id: String, buyer: String?, at: String, shop: String = "dtc", cancelled: Bool = false) -> (Order, OrderLine) {
        let key = OrderKey(platform: shop == "dtc" ? "shopify" : "amazon", orderID: id)
        return (Order(key: key, shop: shop, purchasedAt: Timestamp(instant: Instant(iso8601: at)!, zone: "UTC"), paidAt: nil,
                      status: cancelled ? .cancelled : .open, statusRaw: "", currency: "USD", customer: buyer, version: nil,
                      lineage: lineage),
                OrderLine(key: key, lineID: "1", sku: "S", quantity: 1, amount: Money(10, "USD"), tax: Money(0, "USD"),
                          shipping: Money(0, "USD"), version: nil, lineage: lineage))
    }

    /// Buyer a: 28 Sep and 3 Oct. Buyer b: 30 Sep 20:00Z — 1 Oct in Beijing, 30 Sep in Los Angeles — and 20 Oct.
    /// Buyer c: 10 Oct, and a cancelled order on 15 Oct. Buyer d: 5 Sep only.
    static func sales(unkeyedAmazonOrder: Bool) -> RecordSet {
        var all = [order("1", buyer: "a", at: "2026-09-28T10:00:00Z"), order("2", buyer: "a", at: "2026-10-03T10:00:00Z"),
                   order("3", buyer: "b", at: "2026-09-30T20:00:00Z"), order("4", buyer: "b", at: "2026-10-20T10:00:00Z"),
                   order("5", buyer: "c", at: "2026-10-10T10:00:00Z"), order("6", buyer: "c", at: "2026-10-15T10:00:00Z", cancelled: true),
                   order("7", buyer: "d", at: "2026-09-05T10:00:00Z")]
        if unkeyedAmazonOrder { all.append(order("8", buyer: nil, at: "2026-10-12T10:00:00Z", shop: "amz")) }
        return RecordSet(orders: all.map(\.0), lines: all.map(\.1))
    }

    private func fact(_ facts: [FactMetric], _ metric: String, _ profile: String, _ start: String = "2026-10-01",
                      grain: Grain = .month, _ scope: ScopeType = .shop, _ id: String = "dtc") -> FactMetric? {
        facts.first { $0.metric == metric && $0.grain == grain && $0.periodStart.description == start && $0.profile == profile
            && $0.scopeType == scope && $0.scopeID == id }
    }

    @Test func chinaTeam() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: Self.sales(unkeyedAmazonOrder: false)).facts
        // 45 days ending 31 Oct in Beijing: 17 Sep – 31 Oct. a (28 Sep, 3 Oct) and b (1 Oct, 20 Oct) bought twice,
        // c once (its cancelled order does not count), d's 5 Sep is outside: 2 of 3 buyers.
        let repurchase = try #require(fact(facts, "repurchase_rate", "cn"))
        #expect(repurchase.value.plainString == "0.666667")
        #expect(repurchase.numerator == 2 && repurchase.denominator == 3 && repurchase.recordCount == 5)
        #expect(repurchase.definition == "cn/v1 timezone=Asia/Shanghai repurchase_window=45d")
        // September's buyers in Beijing: a and d (b's first order is 1 October there); a came back in October.
        let retention = try #require(fact(facts, "retention_rate", "cn"))
        #expect(retention.value.plainString == "0.5")
        #expect(retention.numerator == 1 && retention.denominator == 2)
        // September has no month before it with buyers: no retention, not 0.
        #expect(fact(facts, "retention_rate", "cn", "2026-09-01") == nil)
        // 45 days ending 30 Sep: d (5 Sep) and a (28 Sep), once each.
        #expect(fact(facts, "repurchase_rate", "cn", "2026-09-01")?.value.plainString == "0")
    }

    @Test func usTeam() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: Self.sales(unkeyedAmazonOrder: false)).facts
        // 60 days ending 31 Oct in Los Angeles: 2 Sep – 31 Oct, so d counts too: a and b of a, b, c, d.
        #expect(fact(facts, "repurchase_rate", "us")?.value.plainString == "0.5")
        // September's buyers in Los Angeles: a, b (30 Sep) and d; a and b came back: 2 of 3.
        let retention = try #require(fact(facts, "retention_rate", "us"))
        #expect(retention.value.plainString == "0.666667")
        #expect(retention.recordCount == 6)  // 3 September orders and 3 counted October ones
        // Weeks: b's two orders are 20 days apart, a's 5; the ISO week of 19–25 Oct looks back to 27 Aug: a, b twice, c, d.
        #expect(fact(facts, "repurchase_rate", "us", "2026-10-19", grain: .week)?.value.plainString == "0.5")
    }

    @Test func anOrderOfUnknownBuyerTakesTheRateAwayFromEveryScopeItCountsIn() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: Self.sales(unkeyedAmazonOrder: true)).facts
        // amz's 12 October order names no buyer: the company's October windows hold it, dtc's do not.
        #expect(fact(facts, "repurchase_rate", "cn", "2026-10-01", .company, "all") == nil)
        #expect(fact(facts, "retention_rate", "us", "2026-10-01", .company, "all") == nil)
        #expect(fact(facts, "repurchase_rate", "cn")?.value.plainString == "0.666667")
        // September's company window ends before the order: the company rate is there.
        #expect(fact(facts, "repurchase_rate", "us", "2026-09-01", .company, "all")?.value.plainString == "0")
        // No profile declaring a window: no repurchase rate, retention still.
        var plain = Self.us
        plain.repurchaseWindowDays = nil
        let without = try MetricEngine(profiles: [plain], fx: FXTable(rates: [])).facts(from: Self.sales(unkeyedAmazonOrder: false)).facts
        #expect(!without.contains { $0.metric == "repurchase_rate" })
        #expect(fact(without, "retention_rate", "us")?.value.plainString == "0.666667")
    }

    /// The store's first purchase is d's, 5 September: a window or a previous period starting before it is unknown.
    @Test func windowsReachingBeforeTheHistoryAreLeftOut() throws {
        var engine = MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: []))
        engine.history = Instant(iso8601: "2026-09-05T10:00:00Z")
        let facts = try engine.facts(from: Self.sales(unkeyedAmazonOrder: false)).facts
        // cn's October window starts on 17 September: kept. us's starts on 2 September: left out.
        #expect(fact(facts, "repurchase_rate", "cn")?.value.plainString == "0.666667")
        #expect(fact(facts, "repurchase_rate", "us") == nil)
        // October's retention compares with all of September, which starts before the history: left out.
        #expect(fact(facts, "retention_rate", "cn") == nil)
        #expect(fact(facts, "retention_rate", "us") == nil)
    }

    @Test func anIncrementalRefreshRecomputesEveryRateWhoseWindowHoldsTheDay() {
        let scope = RecomputeScope(touching: [CivilDate(year: 2026, month: 10, day: 20)!], grains: [.month],
                                   growthMetrics: [], customerMetrics: ["repurchase_rate"], lookback: 60)
        // October is recomputed; November and December start within 60 days of 19–21 Oct and get customer rows.
        #expect(scope.recomputes(.month, CivilDate(year: 2026, month: 10, day: 1)!))
        #expect(scope.replaces(.month, CivilDate(year: 2026, month: 11, day: 1)!, metric: "repurchase_rate"))
        #expect(scope.replaces(.month, CivilDate(year: 2026, month: 12, day: 1)!, metric: "repurchase_rate"))
        #expect(!scope.replaces(.month, CivilDate(year: 2026, month: 12, day: 1)!, metric: "gmv"))
        #expect(!scope.replaces(.month, CivilDate(year: 2027, month: 1, day: 1)!, metric: "repurchase_rate"))
        // The records read reach back to the day before 1 September: October's retention compares with September,
        // which starts before October's 60-day window (2 September).
        #expect(scope.window.first?.lowerBound == CivilDate(year: 2026, month: 9, day: 1)!.daysSinceEpoch - 1)
    }
}
