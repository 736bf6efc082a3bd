import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

@Suite struct RunTests {
    /// `metric → value` for one month at company scope, from the exported CSV.
    private func month(_ csv: String, _ start: String, _ profile: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in csv.split(separator: "\r\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "month", c[1] == start, c[4] == "company", c[7] == profile { out[c[6]] = c[10] }
        }
        return out
    }

    @Test(arguments: StoreBackend.available) func runLoadsEveryFileAndComputesHandCheckedFacts(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        let report = try ws.pipeline().run()
        #expect(report.filesRead == 4)
        #expect(report.rowsLoaded == 4 + 3 + 4 + 2)
        #expect(report.rowsQuarantined == 1)
        let facts = try ws.export("fact_metric")

        // China team: Beijing calendar, label printed, gross, CNY.
        // O1 42.00 (re-sent with a newer last-updated-date) × 7.10 + O2 50 × 7.20 + O4 10 × 7.25 + #2001 35 × 7.30.
        // Label hours after payment: O1 6, O2 2, O4 14, #2001 11 h 05 min → mean 8.2708.
        // Net sales deduct #2001's 5.00 refund (no date: its purchase day, 31 Oct in Beijing, at 7.30): 986.2 − 36.5.
        #expect(month(facts, "2026-10-01", "cn") == [
            "gmv": "986.2", "net_sales": "949.7", "orders": "4", "aov": "246.55", "units": "10", "refund_rate": "0.25",
            "shipped_orders": "4", "fulfillment_hours": "8.2708", "on_time_ship_rate": "1",
        ])
        #expect(month(facts, "2026-09-01", "cn").isEmpty)

        // US team: Los Angeles calendar, first carrier scan, net, USD. O1 was bought 30 Sep in LA.
        #expect(month(facts, "2026-09-01", "us") == [
            "gmv": "42", "net_sales": "42", "orders": "1", "aov": "42", "units": "2", "refund_rate": "0",
        ])
        // O2, O4, #2001: 95 gross − 5 refunded = 90; O1 scanned 1 Oct (29 h), O4 (38 h); O2 has no scan yet.
        #expect(month(facts, "2026-10-01", "us") == [
            "gmv": "90", "net_sales": "90", "orders": "3", "aov": "30", "units": "8", "refund_rate": "0.333333",
            "shipped_orders": "2", "fulfillment_hours": "33.5", "on_time_ship_rate": "1",
            // 90 over September's 42: 90 / 42 − 1.
            "gmv_growth": "1.142857",
        ])
        // #2001: label printed 20:05 on 31 Oct in Beijing (October for cn), first scan 09:12 on 1 Nov in LA.
        #expect(month(facts, "2026-11-01", "us") == [
            "shipped_orders": "1", "fulfillment_hours": "40.2", "on_time_ship_rate": "1",
        ])
    }

    @Test(arguments: StoreBackend.available) func runningAgainChangesNothing(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        var pipeline = try ws.pipeline()
        pipeline.now = { Instant(iso8601: "2026-11-05T02:30:00Z")! }
        let first = try pipeline.run()
        let facts = try ws.export("fact_metric")
        let jsonl = try ws.export("fact_metric", .jsonl)
        let second = try pipeline.run()
        #expect(second.filesRead == 0)
        #expect(second.filesSkipped == 4)
        #expect(second.text.contains("facts: nothing to recompute (0 changed orders, 0 changed days); fact tables unchanged"))
        let full = try pipeline.run(fullRefresh: true)
        #expect(full.facts?.written == 0)
        #expect(full.facts?.unchanged == first.factRows)
        #expect(second.text.contains("skipped  inbox/amazon/orders.txt (already loaded by run #1 as inbox/amazon/orders.txt)"))
        #expect(try ws.export("fact_metric") == facts)
        #expect(try ws.export("fact_metric", .jsonl) == jsonl)
    }

    @Test(arguments: StoreBackend.available) func aRenamedCopyIsRecognisedByItsBytes(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try ws.pipeline().run()
        try FileManager.default.copyItem(atPath: ws.path + "/inbox/amazon/orders.txt", toPath: ws.path + "/inbox/amazon/orders (1).txt")
        let again = try ws.pipeline().run()
        #expect(again.filesRead == 0)
        #expect(again.text.contains("skipped  inbox/amazon/orders (1).txt (already loaded by run #1 as inbox/amazon/orders.txt)"))
    }

    @Test(arguments: StoreBackend.available) func badRowsAreQuarantinedWithFileLineAndColumn(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try ws.pipeline().run()
        let quarantine = try ws.export("quarantine")
        #expect(quarantine.contains(
            "\"inbox/amazon/orders_resend.txt:4:7: quantity: `two` is not a whole number; expected a whole number like 3 or 1,200\""))
        #expect(quarantine.split(separator: "\r\n").count == 2)
    }

    @Test(arguments: StoreBackend.available) func jsonLinesAreTyped(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try ws.pipeline().run()
        let line = try ws.export("fact_metric", .jsonl).split(separator: "\n").first { $0.contains("\"metric\":\"aov\"") && $0.contains("\"month\"") && $0.contains("\"cn\"") && $0.contains("\"company\"") }
        #expect(line == #"{"grain":"month","period_start":"2026-10-01","period_end":"2026-10-31","timezone":"Asia/Shanghai","scope_type":"company","scope_id":"all","metric":"aov","profile":"cn","profile_version":1,"definition":"cn/v1 timezone=Asia/Shanghai sales=gross tax=excluded shipping=excluded currency=CNY","value":246.55,"numerator":986.2,"denominator":4,"unit":"currency","currency":"CNY","record_count":4,"run_id":1}"#)
    }
}
