import Foundation
import KPIFacts
import KPISchema
import Testing

/// A trace lists the records behind one fact with each one's share, worked out by hand on the roster of
/// ``OwnershipHistoryTests``: profile `us` (USD, Los Angeles), October 2026.
@Suite struct FactTraceTests {
    typealias R = ReconcilerTests
    typealias A = AttributionTests
    typealias O = OwnershipHistoryTests

    static let october = Period(grain: .month, start: O.day("2026-10-01"), end: O.day("2026-10-31"))

    static func trace(_ metric: MetricID, _ type: ScopeType, _ id: String) throws -> FactTrace {
        let engine = MetricEngine(profiles: [R.us], fx: R.fx, grains: [.month], attribution: Attribution(roster: Roster(O.rows)))
        var trace = FactTrace(engine: engine, target: FactTarget(metric: metric, profile: "us", period: october, scopeType: type, scopeID: id))
        for (platform, id, day, amount) in [("amazon", "1", "2026-10-05", "10"), ("amazon", "2", "2026-10-20", "20"),
                                            ("shopify", "3", "2026-10-10", "30"), ("shopify", "4", "2026-10-17", "40"),
                                            ("shopify", "6", "2026-09-20", "60")] {
            let (order, line) = R.order(platform, id, at: "\(day)T20:00:00Z", amount: amount)
            try trace.add(OrderBundle(order: order, lines: [line]))
        }
        // A cancelled October order of 王芳's shop.
        var (cancelled, line) = R.order("amazon", "7", at: "2026-10-08T20:00:00Z", amount: "99")
        cancelled.status = .cancelled
        cancelled.statusRaw = "Cancelled"
        try trace.add(OrderBundle(order: cancelled, lines: [line]))
        for (id, created, rating) in [("1", "2026-10-14T17:00:00Z", "Good"), ("2", "2026-10-16T17:00:00Z", "Bad"),
                                      ("3", "2026-10-02T17:00:00Z", "Bad")] {
            trace.add(ticket: A.flat(.ticket, ["system": .text("zendesk"), "ticket_id": .text(id), "agent": .text("李雷"),
                                               "created_at": .timestamp(R.ts(created)), "csat": .text(rating)]))
        }
        return trace
    }

    @Test func aSumListsEachRecordsShareAndTheCancelledOrder() throws {
        // Team A in October: 王芳's order 1 (10, before her transfer) and 李雷's order 3 (30); order 2 is team B's,
        // order 4 nobody's, order 6 September's. The cancelled order 7 reached the team and counted nothing.
        let trace = try Self.trace(.gmv, .team, "A")
        #expect(trace.records.map { "\($0.id) \($0.value.map { "\($0)" } ?? "-") \($0.records) \($0.note?.en ?? "")" } == [
            "amazon 1 10 1 ", "shopify 3 30 1 ", "amazon 7 0 0 not counted: cancelled (`Cancelled`)",
        ])
        #expect(trace.records.map(\.source) == Array(repeating: "inbox/test.csv:7", count: 3))
        #expect(trace.fact?.value == 40 && trace.fact?.recordCount == 2)
    }

    @Test func aRatioListsNumeratorAndDenominator() throws {
        // 李雷's CSAT: ticket 3 (bad) and ticket 1 (good) while he was there; ticket 2 came after he left.
        let trace = try Self.trace(.csat, .employee, "E2")
        #expect(trace.records.filter { !$0.excluded }.map { "\($0.id) \($0.numerator!)/\($0.denominator!)" } == ["zendesk 1 1/1", "zendesk 3 0/1"])
        // Ticket 2, his by name, is listed as not his, with why.
        let later = try #require(trace.records.first { $0.excluded })
        #expect(later.id == "zendesk 2" && later.numerator == nil && later.note?.en.hasPrefix("not theirs: created 2026-10-") == true)
        #expect(later.note?.en.contains(", after the leave date ") == true)
        #expect(trace.fact?.value == Decimal(string: "0.5"))
        // Tickets are nothing to GMV: the company's gmv trace lists orders only.
        #expect(try Self.trace(.gmv, .company, "all").records.allSatisfy { $0.kind == "order" })
    }
}

extension FactTraceTests {
    /// A person's trace names the orders of their shop the ownership history kept from them, and why.
    @Test func ordersOutsideAPersonsOwnershipAreNamed() throws {
        // 李雷 left on the 15th: shopify order 4 (the 17th) is his shop's but not his.
        let leaver = try Self.trace(.gmv, .employee, "E2")
        #expect(leaver.records.map { "\($0.id) \($0.value.map { "\($0)" } ?? "-") \($0.note?.en ?? "")" } == [
            "shopify 3 30 ", "shopify 4 - not theirs: purchased 2026-10-17, after the leave date 2026-10-15",
        ])
        // 新人 was hired on the 20th: orders 3 (the 10th) and 4 (the 17th) of her shop came before.
        let hire = try Self.trace(.gmv, .employee, "E3")
        #expect(hire.records.map { $0.note?.zh ?? "" } == ["不归此人：购买于 2026-10-10，早于入职日期 2026-10-20",
                                                          "不归此人：购买于 2026-10-17，早于入职日期 2026-10-20"])
        #expect(hire.fact == nil)
    }
}
