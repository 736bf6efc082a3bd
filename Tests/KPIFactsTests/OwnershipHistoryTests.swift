import Foundation
import KPIFacts
import KPISchema
import Testing

/// A record counts for whoever owned it on its own day: a hire from the hire date, a leaver until the
/// leave date, a transfer in the old team before its date and the new one after, a shop that changes
/// hands for each owner in turn. Profile `us` (USD, Los Angeles); every value worked out by hand.
@Suite struct OwnershipHistoryTests {
    typealias R = ReconcilerTests
    typealias A = AttributionTests

    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    /// The roster as two exports: an undated one, and the whole team again as of 16 October, when 王芳 moved
    /// to team B, 李雷 (left on the 15th) was gone, and the new hire 新人 (from the 20th) took over his shop.
    static let rows = [
        Employee(id: "E1", name: "王芳", team: "A", role: "平台运营", hiredOn: day("2024-03-01"), shops: ["amazon-us"]),
        Employee(id: "E2", name: "李雷", team: "A", role: "平台运营", hiredOn: day("2025-01-01"), leftOn: day("2026-10-15"),
                 shops: ["shopify-us"]),
        Employee(id: "E1", name: "王芳", team: "B", role: "平台运营", hiredOn: day("2024-03-01"), shops: ["amazon-us"],
                 asOf: day("2026-10-16")),
        Employee(id: "E3", name: "新人", team: "B", role: "平台运营", hiredOn: day("2026-10-20"), shops: ["shopify-us"],
                 asOf: day("2026-10-16")),
    ]

    @Test func eachRowHoldsUntilTheNextSnapshot() {
        let roster = Roster(Self.rows)
        #expect(roster.snapshots == [nil, Self.day("2026-10-16")])
        #expect(roster.tenures.map { "\($0.employee.id) \($0.from?.description ?? "-")…\($0.through?.description ?? "-")" }
                == ["E1 -…2026-10-15", "E1 2026-10-16…-", "E2 -…2026-10-15", "E3 2026-10-16…-"])
        let september = Period(grain: .month, start: Self.day("2026-09-01"), end: Self.day("2026-09-30"))
        let october = Period(grain: .month, start: Self.day("2026-10-01"), end: Self.day("2026-10-31"))
        let november = Period(grain: .month, start: Self.day("2026-11-01"), end: Self.day("2026-11-30"))
        // Scored in a period as its last day on the team finds them: 王芳 in team B for October.
        #expect(roster.people(in: september).map { "\($0.id) \($0.team!)" } == ["E1 A", "E2 A"])
        #expect(roster.people(in: october).map { "\($0.id) \($0.team!)" } == ["E1 B", "E2 A", "E3 B"])
        #expect(roster.people(in: november).map(\.id) == ["E1", "E3"])
        #expect(roster.latest.map { "\($0.id) \($0.team!)" } == ["E1 B", "E2 A", "E3 B"])
        // Person-days in October: team A 王芳 1–15 and 李雷 1–15; team B 王芳 16–31 and 新人 20–31.
        let attribution = Attribution(roster: roster)
        #expect(attribution.personDays(team: "A", from: Self.day("2026-10-01"), through: Self.day("2026-10-31")) == 30)
        #expect(attribution.personDays(team: "B", from: Self.day("2026-10-01"), through: Self.day("2026-10-31")) == 28)
    }

    @Test func recordsCountForWhoeverOwnedThemThatDay() throws {
        let engine = MetricEngine(profiles: [R.us], fx: R.fx, grains: [.month, .quarter],
                                  attribution: Attribution(roster: Roster(Self.rows)),
                                  asOf: Instant(iso8601: "2026-11-22T00:00:00Z")!)
        var accumulator = engine.accumulator()
        // Purchases at 20:00 UTC, 13:00 the same day in Los Angeles.
        for (platform, id, day, amount) in [("amazon", "1", "2026-10-05", "10"),   // 王芳, team A
                                            ("amazon", "2", "2026-10-20", "20"),   // 王芳, team B
                                            ("shopify", "3", "2026-10-10", "30"),  // 李雷
                                            ("shopify", "4", "2026-10-17", "40"),  // nobody: 李雷 has left, 新人 not yet hired
                                            ("shopify", "5", "2026-10-25", "50"),  // 新人
                                            ("shopify", "6", "2026-09-20", "60")] { // 李雷, September
            let (order, line) = R.order(platform, id, at: "\(day)T20:00:00Z", amount: amount)
            try accumulator.add(OrderBundle(order: order, lines: [line]))
        }
        // October's traffic: amazon-us was 王芳's all month (her team changed on the 16th); shopify-us had
        // no owner on every day, so its sessions count for no person.
        let october: [String: FlatValue] = ["platform": .text("amazon"), "period_start": .date(Self.day("2026-10-01")),
                                            "period_end": .date(Self.day("2026-10-31"))]
        accumulator.add(traffic: A.flat(.traffic, october.merging(["shop": .text("amazon-us"), "sessions": .integer(200)]) { $1 }))
        accumulator.add(traffic: A.flat(.traffic, october.merging(["shop": .text("shopify-us"), "platform": .text("shopify"),
                                                                   "sessions": .integer(80)]) { $1 }))
        // 李雷's tickets by name: one created on the 14th (rated good), one on the 16th, after he left (bad).
        for (id, created, rating) in [("1", "2026-10-14T17:00:00Z", "Good"), ("2", "2026-10-16T17:00:00Z", "Bad")] {
            accumulator.add(ticket: A.flat(.ticket, ["system": .text("zendesk"), "ticket_id": .text(id), "agent": .text("李雷"),
                                                     "created_at": .timestamp(R.ts(created)), "csat": .text(rating)]))
        }
        // 新人's tasks: one due before the hire date (nobody's), one after, delivered on time.
        for (id, due) in [("T1", "2026-10-18T20:00:00Z"), ("T2", "2026-10-25T20:00:00Z")] {
            accumulator.add(task: A.flat(.task, ["task_id": .text(id), "assignee": .text("E3"), "due_at": .timestamp(R.ts(due)),
                                                 "delivered_at": .timestamp(R.ts(due))]))
        }
        let facts = accumulator.facts()
        func value(_ type: ScopeType, _ id: String, _ metric: String, _ start: String = "2026-10-01", _ grain: Grain = .month) -> String? {
            facts.first { $0.scopeType == type && $0.scopeID == id && $0.metric == metric && $0.grain == grain
                && $0.periodStart == Self.day(start) }?.value.plainString
        }
        // 王芳: both her orders whatever her team; team A has her 10 and 李雷's 30, team B her 20 and 新人's 50.
        #expect(value(.employee, "E1", "gmv") == "30")
        #expect(value(.employee, "E2", "gmv") == "30")
        #expect(value(.employee, "E3", "gmv") == "50")
        #expect(value(.team, "A", "gmv") == "40")
        #expect(value(.team, "B", "gmv") == "70")
        #expect(value(.company, "all", "gmv") == "150")
        // The quarter is its months: the transfer does not move October's orders between teams.
        #expect(value(.team, "A", "gmv", "2026-10-01", .quarter) == "40")
        #expect(value(.team, "B", "gmv", "2026-10-01", .quarter) == "70")
        // September is as the roster stood then: 李雷's 60 in team A; 新人 and team B have nothing.
        #expect(value(.employee, "E2", "gmv", "2026-09-01") == "60")
        #expect(value(.team, "A", "gmv", "2026-09-01") == "60")
        #expect(value(.employee, "E3", "gmv", "2026-09-01") == nil)
        #expect(value(.team, "B", "gmv", "2026-09-01") == nil)
        // Sessions: 王芳's 200 (owner all month); neither team owned amazon-us all month, nobody shopify-us.
        #expect(value(.employee, "E1", "sessions") == "200")
        #expect(value(.team, "A", "sessions") == nil && value(.team, "B", "sessions") == nil)
        #expect(value(.employee, "E2", "sessions") == nil && value(.employee, "E3", "sessions") == nil)
        #expect(value(.company, "all", "sessions") == "280")
        // 李雷 has the ticket of his last day but one (CSAT 1); the company both (0.5).
        #expect(value(.employee, "E2", "csat") == "1")
        #expect(value(.company, "all", "csat") == "0.5")
        // 新人 has the task due after the hire date only.
        #expect(value(.employee, "E3", "task_on_time_rate") == "1")
        // Left to the company, and said so: order 4, shopify-us's traffic, the late ticket, the early task.
        #expect(accumulator.unattributed.counts == ["orders": 1, "traffic": 1, "tickets": 1, "tasks": 1])
        #expect(accumulator.unattributed.ordersByShop == ["shopify-us": 1])
    }
}
