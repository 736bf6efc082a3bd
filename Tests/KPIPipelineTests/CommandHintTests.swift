import Foundation
import KPIPipeline
import KPIText
import Testing

/// Commands the summaries suggest run as printed: from another folder, against the same store.
@Suite(.serialized) struct CommandHintTests {
    @Test func aHintNamesTheWorkspaceAndStoreAsGivenQuotedAndWithoutPassword() {
        let here = Invocation()
        #expect(here.command("export", "--table", "quarantine") == "kpibridge export --table quarantine")
        let there = Invocation(workspace: "/srv/my kpi", store: "postgres://kpi:s3cret@db/warehouse?schema=kpi")
        #expect(there.command("state reset", "shopify's orders")
                == "kpibridge state reset --workspace '/srv/my kpi' --store 'postgres://kpi@db/warehouse?schema=kpi' 'shopify'\\''s orders'")
    }

    /// Runs the binary with `arguments` from `/` (not the workspace); stdout and the exit code.
    static func kpibridge(_ arguments: [String], shell: Bool = false) throws -> (out: String, status: Int32) {
        // The English these tests read, whatever the machine's locale.
        let run = try KpibridgeProcess.run(arguments, environment: ProcessInfo.processInfo.environment.merging(["KPIBRIDGE_LANG": "en"]) { $1 },
                                           shell: shell)
        return (run.out, run.status)
    }

    @Test func theQuarantineHintOfARunRunsFromAnotherFolder() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("inbox/amazon/typo.txt", """
            amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price
            114-9\t2026-10-20T08:00:00+00:00\t2026-10-20T08:00:00+00:00\tShipped\tS1\t1\tUSD\t19.9O\t0.00\t0.00
            114-10\t2026-10-20T09:00:00+00:00\t2026-10-20T09:00:00+00:00\tShipped\tS1\t1\tUSD\t19.90\t0.00\t0.00

            """)
        let run = try Self.kpibridge(["run", "--workspace", ws.path])
        #expect(run.status == 0)
        let hint = try #require(run.out.split(separator: "\n").first { $0.hasPrefix("quarantined rows: ") })
        let command = String(hint.dropFirst("quarantined rows: ".count))
        #expect(command == "kpibridge export --workspace \(ws.path) --table quarantine --format csv")
        let pasted = try Self.kpibridge([Invocation.shell(try ProcessTests.binary.path) + command.dropFirst("kpibridge".count)], shell: true)
        #expect(pasted.status == 0)
        #expect(pasted.out.contains("inbox/amazon/typo.txt") && pasted.out.contains("19.9O"))
    }

    @Test func versionNamesTheFormulasAndSchema() throws {
        let version = try Self.kpibridge(["--version"])
        #expect(version.status == 0)
        #expect(version.out == ProductVersion.description + "\n")
        #expect(version.out.hasPrefix("kpibridge \(ProductVersion.release) (metric formulas v8, store schema v"))
    }

    @Test func scheduleLinesRunningABuildInsideACheckoutSaySo() {
        let debug = SchedulePrinter(executable: "/home/me/kpibridge/.build/debug/kpibridge", workspace: "/srv/kpi", schedules: "/srv/kpi/schedules")
        #expect(debug.text([], format: .crontab).hasPrefix("# note: these lines run the build inside a source checkout (/home/me/kpibridge/.build/debug/kpibridge).\n"))
        #expect(debug.text([], format: .systemd).hasPrefix("# note:"))
        let installed = SchedulePrinter(executable: "/usr/local/bin/kpibridge", workspace: "/srv/kpi", schedules: "/srv/kpi/schedules")
        #expect(!installed.text([], format: .crontab).contains("note:"))
    }
}

/// `run --select` loads only the named connectors' files; the others wait for the next run, and a
/// connector no source uses is refused rather than loading nothing.
@Suite struct RunSelectTests {
    @Test func selectLoadsOnlyItsConnectorsAndLeavesTheRestForLater() throws {
        let ws = try TemporaryWorkspace()
        let first = try ws.pipeline().run(select: ["shopify.orders"])
        #expect(first.files.map(\.file) == ["inbox/shopify/orders.csv"])
        #expect(first.leftUnselected == 3)
        #expect(first.text.contains("left for the next run: 3 inbox files of connectors not in --select"))
        #expect(try RunHistory.load(try ws.pipeline(), limit: 1).runs.map(\.command) == ["run --select shopify.orders"])
        let rest = try ws.pipeline().run()
        #expect(rest.filesRead == 3 && rest.filesSkipped == 1)
        let typo = pipelineError { _ = try ws.pipeline().run(select: ["shopify.order"]) }
        #expect(typo?.kind == .usage)
        #expect(typo?.message == "--select shopify.order: no source or stream of the workspace uses it (they use amazon.all_orders, mabang.orders, shopify.orders)")
    }
}
