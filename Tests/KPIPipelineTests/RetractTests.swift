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

        try FileManager.default.removeItem(atPath: loaded.path + "/" + Self.resend)
        let report = try loaded.pipeline().retract(Self.resend)
        #expect(report.exitCode == 0)
        // Order …0001 and its line came from the resend (…0004 too); …0002 kept its first file's row.
        #expect(report.retraction == RetractOutcome(removed: ["orders": 2, "order_lines": 2], reapplied: 2,
                                                    quarantineRemoved: 1, ledgerRemoved: 1))
        #expect(report.text.contains("retracted: 4 records removed (order_lines 2, orders 2), 1 quarantined row, 1 ledger entry; "
                                     + "2 records of the same keys re-applied from the other loaded files; every period recomputed"))
        for table in Self.tables {
            #expect(try Self.export(loaded, table) == (try Self.export(never, table)), "\(table)")
        }
        #expect(try RunHistory.load(try loaded.pipeline(), limit: 1).runs.map(\.command) == ["retract \(Self.resend)"])
        // The next night finds nothing to do.
        let next = try loaded.pipeline().run()
        #expect(next.filesRead == 0 && next.text.contains("facts: nothing to recompute"))
    }

    @Test func aRetractThatCouldNotRestoreChangesNothing() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        let before = try Self.tables.map { try Self.export(ws, $0) }

        let present = pipelineError { _ = try ws.pipeline().retract(Self.resend) }
        #expect(present?.kind == .usage)
        #expect(present?.message == "\(Self.resend) is still where it was loaded from: move it out of the workspace first, or the next run loads it again")

        let unknown = pipelineError { _ = try ws.pipeline().retract("inbox/amazon/nope.txt") }
        #expect(unknown?.message == "inbox/amazon/nope.txt is not a loaded file (never loaded, or already retracted); `kpibridge export --table load_ledger` lists the loaded files by name")

        // orders.txt held the version of …0001 the resend replaced: without it, it cannot come back.
        try FileManager.default.removeItem(atPath: ws.path + "/" + Self.resend)
        try FileManager.default.moveItem(atPath: ws.path + "/inbox/amazon/orders.txt", toPath: ws.path + "/orders.txt.bak")
        let gone = pipelineError { _ = try ws.pipeline().retract(Self.resend) }
        #expect(gone?.message == "cannot retract: restoring what it replaced needs these loaded files as they were loaded, and they are "
                + "gone, changed or unreadable: inbox/amazon/orders.txt. Put them back (the same bytes) and retract again; nothing was changed")
        #expect(try Self.tables.map { try Self.export(ws, $0) } == before)
    }
}
