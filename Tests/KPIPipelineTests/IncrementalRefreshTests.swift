import Foundation
import KPIPipeline
import KPISchema
import KPIStore
import KPIStoreTesting
import KPIText
import Testing

/// A run recomputes only the periods new or changed records fall in, and leaves every fact table exactly
/// as recomputing everything would.
@Suite struct IncrementalRefreshTests {
    static let clock = Instant(iso8601: "2026-11-05T02:30:00Z")!
    /// Every table a refresh writes, fact_pacing included (it depends only on facts and the clock).
    static let tables = ["fact_metric", "fact_reconciliation", "reconciliation_detail", "fact_score", "fact_pacing",
                         "provider_status", "record_credits"]

    /// A table's rows as stored, one string each, with `run_id` left out: which run wrote a row differs by
    /// design. Read from the store rather than through an export, whose text encoding of every row was most
    /// of these tests' time.
    static func rows(_ ws: TemporaryWorkspace, _ table: String) throws -> [String] {
        let stored = try #require(StoreTable.named(table))
        let kept = stored.columns.indices.filter { stored.columns[$0] != "run_id" }
        var rows: [String] = []
        try ws.pipeline().store.scan(stored) { values in
            rows.append(kept.map { "\(values[$0])" }.joined(separator: "\u{1F}"))
        }
        return rows
    }

    static func pipeline(_ ws: TemporaryWorkspace, at clock: Instant = clock) throws -> Pipeline {
        var pipeline = try ws.pipeline()
        pipeline.now = { clock }
        return pipeline
    }

    /// Checks every fact table of `ws` equals a single full run over the same files at the same clock.
    static func expectSameAsOneFullRun(_ ws: TemporaryWorkspace, backend: StoreBackend, at clock: Instant = clock) throws {
        let fresh = try TemporaryWorkspace(copyOf: ws, backend: backend)
        let full = try pipeline(fresh, at: clock).run()
        #expect(full.text.contains("all periods recomputed: first refresh of this store"))
        for table in tables {
            let incremental = try rows(ws, table), expected = try rows(fresh, table)
            #expect(incremental.count == expected.count, "\(table) row count")
            #expect(incremental == expected, "\(table) differs from a full recompute")
        }
    }

    @Test(arguments: StoreBackend.available) func filesArrivingLaterRecomputeTheirPeriodsOnly(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        // Orders, scans, tickets, tasks, advertising and settlement fees: each kind marks its own days.
        let held = ["inbox/amazon/All_Orders_20261001-20261031.txt", "inbox/tracking/carrier_events_202610.xml",
                    "inbox/helpdesk/zendesk_tickets_202610.csv", "inbox/team/design_tasks_202610.xlsx",
                    "inbox/amazon/ads/Sponsored_Products_Advertised_product_report_202610.xlsx",
                    "inbox/amazon/settlement/Settlement_13370000001.txt"]
        let aside = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-held-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: aside) }
        for (index, file) in held.enumerated() {
            try FileManager.default.moveItem(atPath: ws.path + "/" + file, toPath: aside.path + "/\(index)")
        }
        let first = try Self.pipeline(ws).run()
        #expect(first.text.contains("all periods recomputed: first refresh of this store"))
        for (index, file) in held.enumerated() {
            try FileManager.default.moveItem(atPath: aside.path + "/\(index)", toPath: ws.path + "/" + file)
        }
        let second = try Self.pipeline(ws).run()
        #expect(second.filesRead == 6)
        #expect(second.text.contains("facts: recomputed "))
        #expect(!second.text.contains("all periods recomputed"))
        try Self.expectSameAsOneFullRun(ws, backend: backend)
    }

    /// A return received in October of an order bought and shipped in September recomputes October, where
    /// it counts, though nothing else of the order changed there.
    @Test(arguments: StoreBackend.available) func aLateReturnRecomputesTheMonthItArrivedIn(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try Self.pipeline(ws).run()
        let before = try Self.rows(ws, "fact_metric").filter { $0.contains("\"return_rate\"") && $0.contains("\"2026-10-01\"") }
        let orders = try String(contentsOfFile: ws.path + "/inbox/amazon/All_Orders_20260901-20261005.txt", encoding: .utf8)
        let september = try #require(orders.split(separator: "\n").dropFirst().first { $0.split(separator: "\t")[2].hasPrefix("2026-09-1") })
        let cells = september.split(separator: "\t", omittingEmptySubsequences: false)
        let header = "return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments\n"
        try ws.write("inbox/amazon/returns/FBA_Customer_Returns_202610_late.txt", header
            + "2026-10-25T09:00:00+00:00\t\(cells[0])\t\(cells[11])\tB0C1PILL01\tX001PILL01\tlate\t1\tONT8\tSELLABLE\tUNWANTED_ITEM\tUnit returned to inventory\tLPNLATE0001\t\n")
        let second = try Self.pipeline(ws).run()
        #expect(second.filesRead == 1 && second.text.contains("facts: recomputed "))
        #expect(second.text.contains("2 months"))
        let after = try Self.rows(ws, "fact_metric").filter { $0.contains("\"return_rate\"") && $0.contains("\"2026-10-01\"") }
        #expect(after != before)
        try Self.expectSameAsOneFullRun(ws, backend: backend)
    }

    /// A buyer coming back changes other periods than the one bought in: the next period's retention (its
    /// previous period's buyers) and the repurchase windows of every later period reaching back to the day.
    /// 3 November is a month of its own; 30 October (31 October in Beijing) changes only November's customer rows
    /// there, a period no new record falls in.
    @Test(arguments: StoreBackend.available) func aReturningBuyerRecomputesTheWindowsThatHoldTheDay(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try Self.pipeline(ws).run()
        let export = try String(contentsOfFile: ws.path + "/inbox/shopify/orders_export_1.csv", encoding: .utf8)
        let header = try #require(export.split(separator: "\n").first)
        let columns = header.split(separator: ",").map(String.init)
        func order(_ name: String, buyer: String, at time: String) throws -> String {
            var cells = Array(repeating: "", count: columns.count)
            for (column, value) in ["Name": name, "Email": buyer, "Financial Status": "paid", "Paid at": time, "Currency": "USD",
                                    "Created at": time, "Lineitem quantity": "1", "Lineitem price": "58.00", "Lineitem sku": "HB-CHAIR-F"] {
                cells[try #require(columns.firstIndex(of: column))] = value
            }
            return header + "\n" + cells.joined(separator: ",") + "\n"
        }
        func november() throws -> [String] {
            try Self.rows(ws, "fact_metric").filter { $0.contains("\"retention_rate\"") && $0.contains("\"2026-11-01\"") }
        }
        for (file, name, buyer, time) in [("orders_export_2.csv", "#1201", "customer100@example.com", "2026-11-03 10:00:00 -0800"),
                                          ("orders_export_3.csv", "#1202", "customer0@example.com", "2026-10-30 10:00:00 -0700")] {
            try ws.write("inbox/shopify/" + file, try order(name, buyer: buyer, at: time))
            let before = try november()
            let run = try Self.pipeline(ws).run()
            #expect(run.filesRead == 1 && !run.text.contains("all periods recomputed"))
            #expect(try november() != before, "\(file)")
            try Self.expectSameAsOneFullRun(ws, backend: backend)
        }
    }

    @Test(arguments: StoreBackend.available) func aCorrectedScanMovesTheShipmentBetweenMonths(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try Self.pipeline(ws).run()
        let before = try Self.rows(ws, "fact_metric")
        // The ERP re-exports MB4 with its shipping time corrected from 22 Oct to 3 Nov (same order, same
        // event kind, so the stored event is replaced). The file is GB18030; the times are ASCII.
        let original = try Data(contentsOf: URL(fileURLWithPath: ws.path + "/inbox/erp/马帮发货.csv"))
        let corrected = try #require(original.replacing(Data("2026-10-22 08:00:00".utf8), with: Data("2026-11-03 08:00:00".utf8)))
        try corrected.write(to: URL(fileURLWithPath: ws.path + "/inbox/erp/马帮发货_更正.csv"))
        let second = try Self.pipeline(ws).run()
        #expect(second.filesRead == 1)
        // MB4 alone changed (old and new scan days, its purchase and other event days): the same
        // connector's later file replaces its event. #2001's outbound, which the ERP and shopify/orders.csv
        // both give, stays the ERP's, whichever file came last.
        #expect(second.text.contains("touched by 1 changed order, "))
        #expect(try Self.rows(ws, "fact_metric") != before)
        try Self.expectSameAsOneFullRun(ws, backend: backend)
    }

    @Test(arguments: StoreBackend.available) func theSameRowsSentAgainRecomputeNothing(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try Self.pipeline(ws).run()
        let before = try Self.rows(ws, "fact_metric")
        // Other bytes (CRLF line ends), same rows: the file loads, no record changes.
        let text = try String(contentsOfFile: ws.path + "/inbox/amazon/orders.txt", encoding: .utf8)
        try ws.write("inbox/amazon/orders copy.txt", text.replacingOccurrences(of: "\n", with: "\r\n"))
        let second = try Self.pipeline(ws).run()
        #expect(second.filesRead == 1)
        #expect(second.text.contains("facts: nothing to recompute (0 changed orders, 0 changed days); fact tables unchanged"))
        #expect(try Self.rows(ws, "fact_metric") == before)
        // The orders still name the file they first came from.
        #expect(try !ws.export("orders").contains("orders copy.txt"))
    }

    @Test(arguments: StoreBackend.available) func newRatesRecomputeEveryPeriod(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try Self.pipeline(ws).run()
        let rates = try String(contentsOfFile: ws.path + "/fx_rates.csv", encoding: .utf8)
        try ws.write("fx_rates.csv", rates + "2026-11-04,USD,CNY,7.1000\n")
        let second = try Self.pipeline(ws).run()
        #expect(second.text.contains("all periods recomputed: rates change: the exchange rates changed"))
        #expect(second.text(language: .zh).contains("全部周期重新计算：汇率变更：汇率有变化"))
        let third = try Self.pipeline(ws).run()
        #expect(third.text.contains("facts: nothing to recompute"))
    }

    @Test(arguments: StoreBackend.available) func tasksFallingDueCountWithoutNewRecords(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        // On 20 October undelivered tasks due later are not counted yet; by 5 November they are late.
        _ = try Self.pipeline(ws, at: Instant(iso8601: "2026-10-20T00:00:00Z")!).run()
        let later = try Self.pipeline(ws).run()
        #expect(later.filesRead == 0)
        #expect((later.facts?.inserted ?? 0) + (later.facts?.updated ?? 0) > 0)
        try Self.expectSameAsOneFullRun(ws, backend: backend)
    }
}

extension Data {
    /// These bytes with the one occurrence of `target` replaced, or nil when it does not occur exactly once.
    func replacing(_ target: Data, with replacement: Data) -> Data? {
        guard let found = range(of: target), range(of: target, in: found.upperBound..<endIndex) == nil else { return nil }
        var copy = self
        copy.replaceSubrange(found, with: replacement)
        return copy
    }
}
