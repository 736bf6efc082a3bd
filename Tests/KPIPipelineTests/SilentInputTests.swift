import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KPIPipeline
import KPIStoreTesting
import KPIText
import KPIWorkspace
import Testing

/// Inputs that used to load wrong numbers with exit 0 now fail by name or count exactly.
@Suite struct SilentInputTests {
    private static let october = "inbox/amazon/All_Orders_20261001-20261031.txt"

    /// A spreadsheet round-trip renamed `item-price` to `ITEM PRICE`: before, all 144 lines loaded at 0 and
    /// October's Amazon gmv under `us` came out −255.91 USD. Now the file fails naming the column and the
    /// closest header, nothing of it is kept, and the other files still load.
    @Test(arguments: StoreBackend.available) func aRenamedMoneyHeaderFailsTheFileByName(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        let path = ws.root.appendingPathComponent(Self.october)
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\titem-price\t", with: "\tITEM PRICE\t").write(to: path, atomically: true, encoding: .utf8)
        let report = try ws.pipeline().run()
        #expect(report.filesFailed == 1 && report.filesRead == 36)
        let failure = try #require(report.failures.first)
        #expect(failure.hasPrefix("""
            \(Self.october): not a `amazon.all_orders` export: a column it reads is missing
              - line_amount: expected a column named `item-price`; closest found: `ITEM PRICE`
            """))
        #expect(!(try ws.export("load_ledger")).contains(Self.october))
        #expect(!(try ws.export("order_lines")).contains(Self.october))
    }

    /// A file whose only rows are all quarantined loads nothing that counts: it fails with the count and
    /// the first reasons, keeps no ledger entry or quarantined row, and loads once fixed.
    @Test(arguments: StoreBackend.available) func aFileOfOnlyQuarantinedRowsFailsAndLoadsOnceFixed(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        let header = try String(contentsOf: ws.root.appendingPathComponent(Self.october), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)[0]
        func row(_ price: String) -> String {
            ["112-0000000-0000901", "", "2026-10-20T10:00:00+00:00", "2026-10-20T10:00:00+00:00", "Shipped", "Merchant", "Amazon.com",
             "", "", "Standard", "Lamp", "LAMP-1", "B000LAMP01", "Shipped", "2", "USD", price, "0.00", "0.00", "0.00"]
                .joined(separator: "\t")
        }
        let file = "inbox/amazon/All_Orders_20261020-20261020.txt"
        try ws.write(file, "\(header)\n\(row("2O.00"))\n")
        let report = try ws.pipeline().run()
        #expect(report.failures == ["""
            \(file): all 1 data row was quarantined and none loaded, so nothing of the file is kept; fix it and run again. First reasons:
              \(file):2:17: item-price: `2O.00` is not a number; expected a number like 1,234.56, $12.00 or 12%
            """])
        #expect(report.text(language: .zh).contains("""
              失败     \(file)：全部 1 行数据都被隔离，没有一行加载，因此这个文件的内容一概不保留；修正后再运行。前几条原因：
                         \(file):2:17：item-price：`2O.00` 不是数字；应为数字，如 1,234.56、$12.00 或 12%
            """))
        #expect(report.filesRead == 37)
        #expect(!(try ws.export("load_ledger")).contains(file))
        #expect(!(try ws.export("quarantine")).contains(file))

        try ws.write(file, "\(header)\n\(row("20.00"))\n")
        let fixed = try ws.pipeline().run()
        #expect(fixed.failures.isEmpty && fixed.filesRead == 1 && fixed.rowsLoaded == 1)
        #expect(try ws.export("order_lines").contains("112-0000000-0000901"))
    }

    /// Every inbox entry is loaded, skipped as loaded, or named: a folder reached through a link inside the
    /// workspace is read under its inbox name (so its source's glob applies); a named pipe is never opened
    /// (reading it would hang the run while it holds the store); a link out of the workspace and a link to
    /// nothing fail by name. Before, the linked folder and the others were passed over without a word
    /// (26 files read, no TikTok orders) and the pipe hung the run.
    @Test func inboxEntriesThatAreNotFilesAreNamedAndNeverOpened() throws {
        let ws = try TemporaryWorkspace.sample()
        let fm = FileManager.default
        try fm.createDirectory(at: ws.root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try fm.moveItem(at: ws.root.appendingPathComponent("inbox/tiktok"), to: ws.root.appendingPathComponent("data/tiktok"))
        try fm.createSymbolicLink(atPath: ws.path + "/inbox/tiktok", withDestinationPath: "../data/tiktok")
        #expect(mkfifo(ws.path + "/inbox/amazon/pipe.txt", 0o644) == 0)
        try fm.createSymbolicLink(atPath: ws.path + "/inbox/amazon/passwd.txt", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: ws.path + "/inbox/shopify/dangling.csv", withDestinationPath: "nowhere.csv")
        let report = try ws.pipeline().run()
        #expect(report.failures == [
            "inbox/amazon/passwd.txt: a link to /etc/passwd, outside the workspace; not followed",
            "inbox/amazon/pipe.txt: not a regular file (a named pipe or another special file); never opened, since reading one can wait forever",
            "inbox/shopify/dangling.csv: a link to nothing (its target is gone); not read",
        ])
        #expect(report.filesRead == 37 && report.rowsLoaded == 1106)
        #expect(report.files.contains { $0.file == "inbox/tiktok/tiktok_orders_202610.csv" && $0.connector == "tiktok.orders" })
        #expect(try ws.export("order_lines").contains("inbox/tiktok/tiktok_orders_202610.csv"))
    }

    /// A hidden file and an Office lock file are not read, but named as skipped with why: before, a file
    /// saved as `.orders.csv` vanished from the run without a word.
    @Test func hiddenAndLockFilesAreNamedAsSkipped() throws {
        let ws = try TemporaryWorkspace.sample()
        try ws.write("inbox/shopify/.orders_export_2.csv", "Name,Email\n#9001,a@example.com\n")
        try ws.write("inbox/erp/~$库存盘点_20261031.xlsx", "lock")
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty && report.filesRead == 37 && report.rowsLoaded == 1106)
        let skipped = report.files.compactMap { file -> String? in
            guard case .skipped(let reason) = file.status else { return nil }
            return "\(file.file): \(reason.en)"
        }
        #expect(skipped == [
            "inbox/erp/~$库存盘点_20261031.xlsx: an Office lock file (left while a workbook is open); not read",
            "inbox/shopify/.orders_export_2.csv: hidden (its name starts with a dot, as system and editor files do); not read: "
                + "rename it without the dot to load it",
        ])
    }

    /// A Zendesk view export with admin-chosen columns loads its tickets, and the run says which metrics
    /// they cannot feed and which column would (before: 2 tickets loaded, no metric, not a word).
    @Test func aFileThatCanFeedNoMetricSaysWhich() throws {
        let ws = try TemporaryWorkspace.sample()
        try ws.write("inbox/helpdesk/zendesk_tickets_view.csv", """
            Id,Assignee,Group,Status,Created at,Solved at
            39001,Lily Zhang,US Support,Solved,2026-10-20 09:00:00,2026-10-20 15:00:00
            39002,Lily Zhang,US Support,Open,2026-10-21 09:00:00,

            """)
        let report = try ws.pipeline().run()
        let file = try #require(report.files.first { $0.file == "inbox/helpdesk/zendesk_tickets_view.csv" })
        #expect(file.unfedMetrics.map(\.en) == ["no first_response_hours, sla_response_rate (no column for first_reply_at or first_reply_minutes)",
                                              "no csat (no column for csat)", "no complaint_rate (no column for tags)"])
        #expect(file.unfedMetrics.map(\.zh) == ["无法计算 first_response_hours、sla_response_rate（没有 first_reply_at 或 first_reply_minutes 列）",
                                              "无法计算 csat（没有 csat 列）", "无法计算 complaint_rate（没有 tags 列）"])
        // Its tickets' tags are unknown, so October's company complaint rate is absent for both teams rather
        // than taking them as two tickets without a complaint.
        let complaintRates = try ws.export("fact_metric").split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0[0] == "month" && $0[4] == "company" && $0[6] == "complaint_rate" }
        #expect(!complaintRates.contains { $0[1] == "2026-10-01" })
        #expect(report.text.contains("\n           feeds no csat (no column for csat)\n"))
        // Each optional column it lacks is named too: the numbers it fed are absent, and the output says why.
        #expect(file.absentOptionalColumns.contains("`Satisfaction Score` (csat)"))
        #expect(file.absentOptionalColumns.contains("`First reply time in minutes` (first_reply_minutes)"))
        #expect(report.text.contains("\n           no column `Via` (channel), `Satisfaction Score` (csat), "))
        #expect(report.files.allSatisfy { $0.file == file.file || $0.unfedMetrics.isEmpty })
    }

    /// A file name holding a newline and an ANSI colour cannot forge a summary line or colour the terminal:
    /// it is shown, logged and recorded with its control characters escaped.
    @Test func controlCharactersInAFileNameAreShownEscaped() throws {
        let ws = try TemporaryWorkspace()
        let name = "inbox/amazon/evil\n  loaded   fake.txt [amazon.all_orders] 999 rows loaded\u{1B}[31m.txt"
        try ws.write(name, "not an export\n")
        let report = try ws.pipeline().run()
        let text = report.text
        #expect(!text.contains("\u{1B}"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("  loaded   fake.txt") })
        #expect(report.failures.first?.hasPrefix(
            "inbox/amazon/evil\\n  loaded   fake.txt [amazon.all_orders] 999 rows loaded\\u{1B}[31m.txt: ") == true)
    }

    /// A file truncated between planning and the end of its load (a sync tool still writing it) is not
    /// recorded under the hash of bytes that were never loaded: it fails, keeps nothing, and the next run
    /// loads it whole. Before, the ledger kept the original hash and the full file came back "already loaded".
    @Test(arguments: StoreBackend.available) func aFileThatChangesWhileItIsReadIsNotRecorded(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        let url = ws.root.appendingPathComponent("inbox/amazon/orders.txt")
        let full = try Data(contentsOf: url)
        do {
            let pipeline = try ws.pipeline()
            let claim = try pipeline.claim("run")
            let inbox = try Inbox(workspace: pipeline.workspace).files()
            let plan = try LoadPlanner(pipeline: pipeline).plan(inbox.inputs, refused: inbox.refused)
            try full.prefix(full.count / 2).write(to: url)
            let report = try Loader(pipeline: pipeline, command: "run", claim: claim).load(plan)
            #expect(report.failures == ["inbox/amazon/orders.txt: changed while it was read (\(full.count) bytes when planned, "
                                        + "\(full.count / 2) now); nothing of it is kept, and the next run reads it whole"])
            #expect(!(try ws.export("load_ledger")).contains("inbox/amazon/orders.txt"))
        }
        try full.write(to: url)
        let next = try ws.pipeline().run()
        let outcome = try #require(next.files.first { $0.file == "inbox/amazon/orders.txt" })
        guard case .loaded(let stats) = outcome.status else { Issue.record("not loaded: \(outcome.status)"); return }
        #expect(stats.rowsRead == (String(decoding: full, as: UTF8.self).split(separator: "\n").count - 1))
    }

    /// The run lock follows the store file, not the spelling of its path: a symlinked `--store` finds the
    /// store busy instead of loading beside the other run.
    @Test func aStoreReachedThroughALinkSharesItsLock() throws {
        let ws = try TemporaryWorkspace()
        let store = ws.path + "/.kpibridge/warehouse.sqlite"
        let first = try ws.pipeline(store: "sqlite:" + store)
        _ = try first.run()
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/linked.sqlite", withDestinationPath: store)
        let claim = try first.claim("run")
        let error = pipelineError { _ = try ws.pipeline(store: "sqlite:" + ws.path + "/linked.sqlite").run() }
        #expect(error?.kind == .busy)
        withExtendedLifetime(claim) {}
    }

    /// An existing store file that is not a SQLite database, or is another program's database, is refused
    /// before anything is written instead of being opened (or migrated into) as a warehouse.
    @Test func aForeignStoreFileIsRefused() throws {
        let ws = try TemporaryWorkspace()
        let store = ws.path + "/.kpibridge/warehouse.sqlite"
        try ws.write(".kpibridge/warehouse.sqlite", "order_id,amount\n")
        #expect(pipelineError { _ = try ws.pipeline(store: "sqlite:" + store) }?.message == "store sqlite:\(store) is not a SQLite "
            + "database (its first bytes say otherwise); nothing was changed: restore it from a backup, or move it away to start a new, empty store")
        #expect(try String(contentsOfFile: store, encoding: .utf8) == "order_id,amount\n")
    }

    /// A link inside the inbox to one of its own folders does not take over that folder's file names (and
    /// with them its source's shop and zone): real folders are walked first, and a folder is read once.
    @Test func aLinkToAnInboxFolderDoesNotRenameItsFiles() throws {
        let ws = try TemporaryWorkspace.sample()
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/inbox/aa_shop", withDestinationPath: "shopify")
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty && report.filesRead == 37 && report.rowsLoaded == 1106)
        #expect(!report.files.contains { $0.file.hasPrefix("inbox/aa_shop/") })
        #expect(report.files.contains { $0.file.hasPrefix("inbox/shopify/") && $0.connector == "shopify.orders" })
    }
}
