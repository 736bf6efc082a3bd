import Foundation
import KPIFacts
import KPISchema
import Testing

/// Inventory turnover, days of inventory and sell-through, worked out by hand below.
///
/// 1 USD = 7.10 CNY. A costs 10 USD + 1 USD freight; B 70 CNY + 8.10 CNY freight (11 USD landed). Sold in
/// October: 4 × A on the 10th, 2 × B on the 20th. Stock on 15 October: A 20 in the ERP, 18 counted; B 10 and
/// 10. On 31 October: A 16 and 16; B 8 and 6. The China team (cn) reads the ERP's quantity at purchase cost
/// in CNY; the US team (us) the counted quantity at landed cost in USD.
@Suite struct InventoryMetricTests {
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted,
                                      sales: .gross, includeTax: false, includeShipping: false, currency: "CNY",
                                      inventory: .system, costBasis: .purchase)
    static let us = DefinitionProfile(name: "us", version: 1, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD",
                                      inventory: .counted, costBasis: .landed)
    static let fx = FXTable(rates: [.init(date: CivilDate(iso: "2026-09-30")!, from: "USD", to: "CNY", rate: Decimal(string: "7.10")!)],
                            maxCarryDays: 60)
    static let lineage = Lineage(connector: "test", file: "f", line: 1, contentHash: "h", runID: 1)

    static func flat(_ kind: FlatKind, _ fields: [String: FlatValue]) -> FlatRecord {
        FlatRecord(kind: kind, values: kind.schema.fields.map { fields[$0.name] }, lineage: lineage)
    }

    static func d(_ text: String) -> Decimal { Decimal(string: text)! }

    static let costs = CostHistory([
        flat(.skuCost, ["sku": .text("A"), "effective_from": .date(CivilDate(iso: "2026-01-01")!), "unit_cost": .decimal(10),
                        "freight": .decimal(1), "currency": .text("USD")]),
        flat(.skuCost, ["sku": .text("B"), "effective_from": .date(CivilDate(iso: "2026-01-01")!), "unit_cost": .decimal(70),
                        "freight": .decimal(d("8.10")), "currency": .text("CNY")]),
    ])

    static func stock(_ sku: String, _ day: String, system: Int, counted: Int) -> FlatRecord {
        flat(.inventorySnapshot, ["source": .text("erp"), "warehouse": .text("W1"), "sku": .text(sku),
                                  "snapshot_date": .date(CivilDate(iso: day)!), "system_quantity": .integer(system),
                                  "counted_quantity": .integer(counted)])
    }

    static func sale(_ id: String, _ sku: String, _ quantity: Int, _ amount: Decimal, at: String) -> (Order, OrderLine) {
        let key = OrderKey(platform: "amazon", orderID: id)
        let time = Timestamp(instant: Instant(iso8601: at)!, zone: "UTC")
        return (Order(key: key, shop: "amz", purchasedAt: time, paidAt: nil, status: .shipped, statusRaw: "Shipped",
                      currency: "USD", version: nil, lineage: lineage),
                OrderLine(key: key, lineID: "1", sku: sku, quantity: quantity, amount: Money(amount, "USD"),
                          tax: Money(0, "USD"), shipping: Money(0, "USD"), version: nil, lineage: lineage))
    }

    static func records(extra: [FlatRecord] = [], sellC: Bool = false) -> RecordSet {
        let sales = [sale("O1", "A", 4, 80, at: "2026-10-10T04:00:00Z"), sale("O2", "B", 2, 60, at: "2026-10-20T04:00:00Z")]
            + (sellC ? [sale("O3", "C", 5, 50, at: "2026-10-12T04:00:00Z")] : [])
        return RecordSet(orders: sales.map(\.0), lines: sales.map(\.1), flat: [
            stock("A", "2026-10-15", system: 20, counted: 18), stock("B", "2026-10-15", system: 10, counted: 10),
            stock("A", "2026-10-31", system: 16, counted: 16), stock("B", "2026-10-31", system: 8, counted: 6),
        ] + extra)
    }

    private func october(_ facts: [FactMetric], _ profile: String) -> [String: String] {
        var out: [String: String] = [:]
        for f in facts where f.grain == .month && f.periodStart.description == "2026-10-01" && f.scopeType == .company
            && f.profile == profile && ["inventory_turnover", "days_of_inventory", "sell_through_rate"].contains(f.metric) {
            out[f.metric] = f.value.plainString
        }
        return out
    }

    @Test func bothTeamsOverAClosedMonth() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: Self.fx, costs: Self.costs).facts(from: Self.records()).facts
        // cn: cogs 4 × 71 + 2 × 70 = 424 CNY; stock value (20 × 71 + 10 × 70 = 2,120 and 16 × 71 + 8 × 70 = 1,696),
        // mean 1,908: turnover 424 / 1,908 = 0.22222…. Mean stock (30 + 24) / 2 = 27 units against 6 sold in 31 days:
        // 27 × 31 / 6 = 139.5 days. Sell-through 6 / (6 + 24 on the last day) = 0.2.
        #expect(october(facts, "cn") == ["inventory_turnover": "0.2222", "days_of_inventory": "139.5", "sell_through_rate": "0.2"])
        // us: cogs 6 × 11 = 66 USD; counted stock at 11 each, (18 + 10) × 11 = 308 and (16 + 6) × 11 = 242, mean 275:
        // 66 / 275 = 0.24. Mean stock (28 + 22) / 2 = 25: 25 × 31 / 6 = 129.1666… days. Sell-through 6 / (6 + 22).
        #expect(october(facts, "us") == ["inventory_turnover": "0.24", "days_of_inventory": "129.17", "sell_through_rate": "0.214286"])
        let turnover = try #require(facts.first { $0.metric == "inventory_turnover" && $0.profile == "us" && $0.grain == .month })
        #expect(turnover.numerator == 66 && turnover.denominator == 275 && turnover.unit == "multiple")
    }

    @Test func aMonthUnderWayCountsTheDaysSoFar() throws {
        // On 25 October 08:00 in Beijing (24 October in Los Angeles) a month of stock over sales so far.
        let engine = MetricEngine(profiles: [Self.cn, Self.us], fx: Self.fx, asOf: Instant(iso8601: "2026-10-25T00:00:00Z")!,
                                  costs: Self.costs)
        let facts = try engine.facts(from: Self.records()).facts
        #expect(october(facts, "cn")["days_of_inventory"] == "112.5")   // 27 × 25 / 6
        #expect(october(facts, "us")["days_of_inventory"] == "100")     // 25 × 24 / 6
    }

    @Test func salesOfGoodsNoSnapshotCountsAreLeftOut() throws {
        // 5 × C sold (no cost, in no snapshot): the stock figures compare A and B's stock with A and B's sales,
        // so they are unchanged; cogs itself, which needs every line's cost, is absent.
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: Self.fx, costs: Self.costs)
            .facts(from: Self.records(sellC: true)).facts
        #expect(october(facts, "cn") == ["inventory_turnover": "0.2222", "days_of_inventory": "139.5", "sell_through_rate": "0.2"])
        #expect(!facts.contains { $0.metric == "cogs" && $0.profile == "cn" && $0.grain == .month && $0.scopeType == .company })
    }

    @Test func stockWithoutACostHasNoValue() throws {
        let facts = try MetricEngine(profiles: [Self.cn], fx: Self.fx, costs: Self.costs)
            .facts(from: Self.records(extra: [Self.stock("Z", "2026-10-31", system: 5, counted: 5)])).facts
        // Z has no cost: the stock's value, and so turnover, is unknown; units still count (27 → (30 + 29) / 2).
        #expect(october(facts, "cn") == ["days_of_inventory": "152.42", "sell_through_rate": "0.171429"])
    }
}
