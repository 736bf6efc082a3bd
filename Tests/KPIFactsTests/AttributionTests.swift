import Foundation
import KPIFacts
import KPISchema
import Testing

/// The roster decides which employee, team and provider scopes a record counts in. Every value
/// below was worked out by hand; profile `us` (USD, Los Angeles) so no conversion is involved.
@Suite struct AttributionTests {
    typealias R = ReconcilerTests
    static let roster = [
        Employee(id: "E1", name: "王芳", team: "T", role: "平台运营", shops: ["amazon-us"], skus: ["A"]),
        Employee(id: "E2", name: "李雷", team: "T", role: "平台运营", shops: ["amazon-us"]),
        Employee(id: "E3", name: "Lily", team: "US", role: "客服", ticketGroups: ["VIP"], provider: "P1"),
        Employee(id: "P1", name: "星河", role: "provider", shops: ["tiktok-us"]),
    ]

    static func line(_ order: Order, _ sku: String, _ amount: String, _ quantity: Int) -> OrderLine {
        OrderLine(key: order.key, lineID: sku, sku: sku, quantity: quantity, amount: Money(Decimal(string: amount)!, "USD"),
                  tax: Money(0, "USD"), shipping: Money(0, "USD"), version: nil, lineage: R.lineage)
    }

    static func flat(_ kind: FlatKind, _ fields: [String: FlatValue]) -> FlatRecord {
        let schema = kind.schema
        var values = [FlatValue?](repeating: nil, count: schema.fields.count)
        for (name, value) in fields { values[schema.index(of: name)!] = value }
        return FlatRecord(kind: kind, values: values, lineage: R.lineage)
    }

    @Test func recordsCountForTheirOwners() throws {
        let engine = MetricEngine(profiles: [R.us], fx: R.fx, grains: [.month], attribution: Attribution(employees: Self.roster),
                                  asOf: Instant(iso8601: "2026-11-22T00:00:00Z")!)
        var accumulator = engine.accumulator()
        // amazon-us order (10 Oct): SKU A 10.00 × 1 (E1's and E2's), SKU B 20.00 for 2 (E2's only).
        let (amazon, _) = R.order("amazon", "1", at: "2026-10-10T04:00:00Z", amount: "0")
        try accumulator.add(OrderBundle(order: amazon, lines: [Self.line(amazon, "A", "10", 1), Self.line(amazon, "B", "20", 2)]))
        // shopify-us order: nobody owns the shop.
        let (shopify, shopifyLine) = R.order("shopify", "2", at: "2026-10-11T04:00:00Z", amount: "5")
        try accumulator.add(OrderBundle(order: shopify, lines: [shopifyLine]))
        // A month's traffic: A 100 sessions / 8 ordered items, B 50 / 2.
        let october: [String: FlatValue] = ["platform": .text("amazon"), "shop": .text("amazon-us"),
                                            "period_start": .date(CivilDate(iso: "2026-10-01")!), "period_end": .date(CivilDate(iso: "2026-10-31")!)]
        accumulator.add(traffic: Self.flat(.traffic, october.merging(["sku": .text("A"), "sessions": .integer(100), "order_items": .integer(8)]) { $1 }))
        accumulator.add(traffic: Self.flat(.traffic, october.merging(["sku": .text("B"), "sessions": .integer(50), "order_items": .integer(2)]) { $1 }))
        // Tickets: Lily's (by name) answered in 2 h (Monday 10:00 → 12:00 in LA, inside us business hours),
        // rated good; one for nobody, rated bad.
        accumulator.add(ticket: Self.flat(.ticket, ["system": .text("zendesk"), "ticket_id": .text("1"), "agent": .text("Lily"),
                                                    "created_at": .timestamp(R.ts("2026-10-12T17:00:00Z")),
                                                    "first_reply_at": .timestamp(R.ts("2026-10-12T19:00:00Z")), "csat": .text("Good")]))
        accumulator.add(ticket: Self.flat(.ticket, ["system": .text("zendesk"), "ticket_id": .text("2"), "agent": .text("Kevin"),
                                                    "group_name": .text("Other"), "created_at": .timestamp(R.ts("2026-10-12T17:00:00Z")),
                                                    "csat": .text("Bad")]))
        // E2's tasks: one on time, one a day late, one due after the run (left out until due).
        for (id, due, delivered) in [("T1", "2026-10-12T10:00:00Z", "2026-10-12T09:00:00Z"), ("T2", "2026-10-20T10:00:00Z", "2026-10-21T10:00:00Z"),
                                     ("T3", "2026-11-30T10:00:00Z", nil)] {
            var fields: [String: FlatValue] = ["task_id": .text(id), "assignee": .text("E2"), "due_at": .timestamp(R.ts(due))]
            if let delivered { fields["delivered_at"] = .timestamp(R.ts(delivered)) }
            accumulator.add(task: Self.flat(.task, fields))
        }
        // A 1★ review of SKU A handled 6 h later, no handler named: it belongs to A's owners, E1 and E2.
        accumulator.add(review: Self.flat(.review, ["platform": .text("amazon"), "review_id": .text("R1"), "shop": .text("amazon-us"),
                                                    "sku": .text("A"), "rating": .integer(1), "created_at": .timestamp(R.ts("2026-10-05T00:00:00Z")),
                                                    "handled_at": .timestamp(R.ts("2026-10-05T06:00:00Z"))]))
        let facts = accumulator.facts()
        func value(_ type: ScopeType, _ id: String, _ metric: String) -> String? {
            facts.first { $0.scopeType == type && $0.scopeID == id && $0.metric == metric && $0.periodStart == CivilDate(iso: "2026-10-01")! }?
                .value.plainString
        }
        // E1 owns only line A: 10.00, 1 unit; conversion 8 / 100.
        #expect(value(.employee, "E1", "gmv") == "10")
        #expect(value(.employee, "E1", "units") == "1")
        #expect(value(.employee, "E1", "conversion_rate") == "0.08")
        #expect(value(.employee, "E1", "negative_review_handle_hours") == "6")
        #expect(value(.employee, "E1", "task_on_time_rate") == nil)
        // E2 owns the whole shop: 30.00, 3 units; conversion (8 + 2) / 150 = 0.0666667; tasks 1 of 2 on time.
        #expect(value(.employee, "E2", "gmv") == "30")
        #expect(value(.employee, "E2", "units") == "3")
        #expect(value(.employee, "E2", "conversion_rate") == "0.066667")
        #expect(value(.employee, "E2", "task_on_time_rate") == "0.5")
        // Team T counts the order once: 30.00, 1 order, 150 sessions.
        #expect(value(.team, "T", "gmv") == "30")
        #expect(value(.team, "T", "orders") == "1")
        #expect(value(.team, "T", "sessions") == "150")
        // Lily works for provider P1: her ticket counts for her, team US and P1 (2 h, rated good).
        #expect(value(.employee, "E3", "first_response_hours") == "2")
        #expect(value(.provider, "P1", "csat") == "1")
        #expect(value(.team, "US", "csat") == "1")
        // The company sees both orders and both rated tickets: csat 1 of 2.
        #expect(value(.company, "all", "gmv") == "35")
        #expect(value(.company, "all", "csat") == "0.5")
        #expect(accumulator.unattributed.counts == ["orders": 1, "tickets": 1])
        #expect(accumulator.unattributed.ordersByShop == ["shopify-us": 1])
    }
}
