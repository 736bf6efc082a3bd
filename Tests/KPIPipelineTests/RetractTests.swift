import Foundation
import KPIPipeline
import KPIStore
import KPIStoreTesting
import KPIText
import KPIWorkspace
import Testing

/// `retract` takes a wrongly loaded file back out: the store ends as if it had never been loaded.
///
/// The tiny inbox's `orders_resend.txt` is the file to retract: a newer version of order …0001 (42.00
/// instead of 40.00), an older copy of …0002 that changed nothing, a quarantined row and a new order …0004.
@Suite struct RetractTests {
    static let resend = "inbox/amazon/orders_resend.txt"
    static let tables = ["orders", "order_lines", "fulfillment_events", "refunds", "quarantine", "load_ledger",
                         "fact_metric", "fact_reconciliation", "reconciliation_detail"]

    /// A table's export without the columns saying which run wrote a row, when, or its surrogate id.
    static func export(_ ws: TemporaryWorkspace, _ table: String) throws -> String {
        let lines = try ws.export(table).split(separator: "\r\n", omittingEmptySubsequences: false).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let dropped: Set<String> = ["id", "run_id", "loaded_at"]
        let keep = lines[0].indices.filter { !dropped.contains(lines[0][$0]) }
        return lines.map { row in keep.filter { $0 < row.count }.map { row[$0] }.joined(separator: ",") }.joined(separator: "\n")
    }

    @Test(arguments: StoreBackend.available)
    func aRetractedFileLeavesTheStoreAsIfNeverLoaded(backend: StoreBackend) throws {
        let loaded = try TemporaryWorkspace(backend: backend)
        _ = try loaded.pipeline().run()
        #expect(try loaded.export("orders").contains("112-0000004-0000004"))

        let never = try TemporaryWorkspace(backend: backend)
        try FileManager.default.removeItem(atPath: never.path + "/" + Self.resend)
        _ = try never.pipeline().run()

        let report = try loaded.pipeline().retract(Self.resend)
        #expect(report.exitCode == 0)
        // Every key the resend wrote is rebuilt: orders …0001, …0002 (whose stored row is still orders.txt's) and
        // …0004 with the line each names; orders.txt gives back …0001 and …0002 and those two lines (its Mat line of
        // …0002 was never the resend's key, and stays as it was).
        #expect(report.retraction == RetractOutcome(removed: ["orders": 3, "order_lines": 3], reapplied: 4,
                                                    quarantineRemoved: 1, ledgerRemoved: 1))
        #expect(report.text.contains("retracted: 6 records removed (order_lines 3, orders 3), 1 quarantined row, 1 ledger entry; "
                                     + "4 records of the same keys re-applied from the other loaded files; every period recomputed"))
        for table in Self.tables {
            #expect(try Self.export(loaded, table) == (try Self.export(never, table)), "\(table)")
        }
        #expect(try RunHistory.load(try loaded.pipeline(), limit: 1).runs.map(\.command) == ["retract \(Self.resend)"])
        // The file stays in the inbox and the next night skips it: nothing to do.
        let next = try loaded.pipeline().run()
        #expect(next.filesRead == 0 && next.text.contains("facts: nothing to recompute"))
        #expect(next.text.contains("  skipped  \(Self.resend) (retracted by run #2 as \(Self.resend); these bytes never load again (a corrected file has other bytes))"))
    }

    @Test func aRetractThatCouldNotRestoreChangesNothing() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        let before = try Self.tables.map { try Self.export(ws, $0) }

        // The file itself must be readable as loaded: it says which records it wrote.
        let original = try String(contentsOfFile: ws.path + "/" + Self.resend, encoding: .utf8)
        try ws.write(Self.resend, original + "112-0000009-0000009\t2026-10-21T10:00:00+00:00\t2026-10-21T10:00:00+00:00\tShipped\tBottle\tP3\t1\tUSD\t10.00\t0.73\t0.00\n")
        let changed = pipelineError { _ = try ws.pipeline().retract(Self.resend) }
        #expect(changed?.message == "cannot retract \(Self.resend): it is not where it was loaded from with the same bytes, and retract reads it to "
                + "learn every record it wrote. Put it back as it was loaded and retract again; nothing was changed")
        try ws.write(Self.resend, original)

        let unknown = pipelineError { _ = try ws.pipeline().retract("inbox/amazon/nope.txt") }
        #expect(unknown?.message == "inbox/amazon/nope.txt is not a loaded file (never loaded, or already retracted); `kpibridge export --table load_ledger` lists the loaded files by name")

        // orders.txt held the version of …0001 the resend replaced: without it, it cannot come back.
        try FileManager.default.moveItem(atPath: ws.path + "/inbox/amazon/orders.txt", toPath: ws.path + "/orders.txt.bak")
        let gone = pipelineError { _ = try ws.pipeline().retract(Self.resend) }
        #expect(gone?.message == "cannot retract: restoring what it replaced needs these loaded files as they were loaded, and they are "
                + "gone, changed, unreadable or were loaded by `import`: inbox/amazon/orders.txt. Put them back (the same bytes) and retract again; nothing was changed")
        #expect(try Self.tables.map { try Self.export(ws, $0) } == before)
    }

    /// The sample's 马帮 export links parcels to orders and states shipped events that carrier scans
    /// replaced: retracting it must drop the carrier events attached through its links and bring back no
    /// event it alone stated — every record table, scans and links included, equals a run without it.
    @Test func retractingALinkingExportDropsTheEventsAttachedThroughIt() throws {
        let erp = "inbox/erp/马帮订单导出_202609-202610.csv"
        let loaded = try TemporaryWorkspace.sample()
        _ = try loaded.pipeline().run()
        let never = try TemporaryWorkspace.sample()
        try FileManager.default.removeItem(atPath: never.path + "/" + erp)
        _ = try never.pipeline().run()
        let report = try loaded.pipeline().retract(erp)
        #expect(report.retraction?.removed["tracking_links"] == 249)
        for table in Self.tables + ["returns", "tracking_events", "tracking_links", "order_twins", "tickets", "fact_score"] {
            #expect(try Self.export(loaded, table) == (try Self.export(never, table)), "\(table)")
        }
    }
}
