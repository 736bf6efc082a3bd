import Foundation
import KPIFacts
import KPISchema
import Testing

/// 人均单量: orders over the people on the roster across the period, each counted for the days they were on it.
@Suite struct OrdersPerHeadTests {
    static let profile = DefinitionProfile(name: "cn", version: 1, zone: Zone("UTC")!, shipped: .labelPrinted,
                                           sales: .gross, includeTax: false, includeShipping: false, currency: "USD")
    static let lineage = Lineage(connector: "test", file: "f", line: 1, contentHash: "h", runID: 1)
    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    /// E1 all October on team A; E2 joins A on 17 October (15 days); E3 on team B leaves on 10 October
    /// (10 days); a service provider's row is no head.
    static let roster = [
        Employee(id: "E1", name: "一", team: "A", role: "运营", hiredOn: day("2026-01-01"), shops: ["s1"]),
        Employee(id: "E2", name: "二", team: "A", role: "运营", hiredOn: day("2026-10-17"), shops: ["s1"]),
        Employee(id: "E3", name: "三", team: "B", role: "运营", hiredOn: day("2025-06-01"), leftOn: day("2026-10-10"), shops: ["s2"]),
        Employee(id: "P1", name: "代运营", role: "provider", shops: ["s2"]),
    ]

    /// Three orders in s1 and two in s2 in October, and one cancelled in s1.
    static var records: RecordSet {
        var orders: [Order] = [], lines: [OrderLine] = []
        for (index, (shop, status)) in [("s1", OrderStatus.shipped), ("s1", .shipped), ("s1", .shipped), ("s1", .cancelled),
                                         ("s2", .shipped), ("s2", .shipped)].enumerated() {
            let key = OrderKey(platform: "amazon", orderID: "O\(index)")
            orders.append(Order(key: key, shop: shop, purchasedAt: Timestamp(instant: Instant(iso8601: "2026-10-0\(index + 1)T12:00:00Z")!, zone: "UTC"),
                                paidAt: nil, status: status, statusRaw: status.rawValue, currency: "USD", version: nil, lineage: lineage))
            lines.append(OrderLine(key: key, lineID: "1", sku: "K", quantity: 1, amount: Money(10, "USD"), tax: Money(0, "USD"),
                                   shipping: Money(0, "USD"), version: nil, lineage: lineage))
        }
        return RecordSet(orders: orders, lines: lines)
    }

    private func perHead(_ facts: [FactMetric], _ scope: ScopeType, _ id: String) -> FactMetric? {
        facts.first { $0.metric == "orders_per_head" && $0.grain == .month && $0.scopeType == scope && $0.scopeID == id }
    }

    @Test func peopleCountForTheDaysTheyWereThere() throws {
        let engine = MetricEngine(profiles: [Self.profile], fx: FXTable(rates: []), attribution: Attribution(employees: Self.roster))
        let facts = try engine.facts(from: Self.records).facts
        // Company: (31 + 15 + 10) / 31 = 1.81 heads for 5 orders: 2.7624… → 2.76.
        let company = try #require(perHead(facts, .company, "all"))
        #expect(company.value == Decimal(string: "2.76") && company.numerator == 5 && company.denominator == Decimal(string: "1.81"))
        // Team A: (31 + 15) / 31 = 1.48 heads, 3 orders → 2.03; team B: 10 / 31 = 0.32 heads, 2 orders → 6.25.
        #expect(perHead(facts, .team, "A")?.value == Decimal(string: "2.03"))
        #expect(perHead(facts, .team, "B")?.value == Decimal(string: "6.25"))
        // Not a team or company figure: no person or provider has one.
        #expect(perHead(facts, .employee, "E1") == nil && perHead(facts, .provider, "P1") == nil)
        #expect(company.unit == "number")
    }

    @Test func withoutARosterThereAreNoHeads() throws {
        let facts = try MetricEngine(profiles: [Self.profile], fx: FXTable(rates: [])).facts(from: Self.records).facts
        #expect(!facts.contains { $0.metric == "orders_per_head" })
    }
}
