import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// `prune` deletes old run history only: records and facts stay, a dry run deletes nothing, the
/// retention window is refused, and a pruned file keeps its identity, so re-sent it is skipped.
@Suite struct PruneTests {
    static func at(_ text: String) -> @Sendable () -> Instant { { Instant(iso8601: text)! } }

    @Test(arguments: StoreBackend.available) func oldHistoryGoesRecordsAndFactsStay(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        var pipeline = try ws.pipeline()
        // January: the tiny inbox (4 files, 1 quarantined row, RunTests). November: one more file.
        pipeline.now = Self.at("2026-01-10T02:30:00Z")
        _ = try pipeline.run()
        pipeline.now = Self.at("2026-11-22T02:30:00Z")
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        _ = try pipeline.run()
        let facts = try ws.export("fact_metric")
        let orders = try ws.export("orders")

        let dry = try pipeline.prune(before: CivilDate(iso: "2026-05-01")!, dryRun: true)
        #expect(dry.result.runs == 1 && dry.result.ledger == 4 && dry.result.quarantine == 1)
        #expect(dry.text.hasPrefix("kpibridge prune · run history before 2026-05-01 (dry run: nothing deleted)\n  runs                 1 would go"))
        #expect(try RunHistory.load(pipeline, limit: 10).runs.count == 2)

        let pruned = try pipeline.prune(before: CivilDate(iso: "2026-05-01")!, dryRun: false)
        #expect(pruned.result == dry.result)
        #expect(try RunHistory.load(pipeline, limit: 10).runs.map(\.id) == [2])
        #expect(try ws.export("quarantine").split(separator: "\r\n").count == 1)
        #expect(try ws.export("load_ledger").split(separator: "\r\n").count == 2)
        #expect(try ws.export("orders") == orders)
        #expect(try ws.export("fact_metric") == facts)

        // The January files left their identity behind: re-sent, they are skipped, never loaded over later files.
        let again = try pipeline.run()
        #expect(again.filesRead == 0 && again.filesSkipped == 5)
        #expect(again.text.contains("  skipped  inbox/amazon/orders.txt (already loaded as inbox/amazon/orders.txt on 2026-01-10T02:30:00Z; "
                                    + "that run's history was pruned)"))
        #expect(try ws.export("fact_metric") == facts)
        #expect(again.text.contains("facts: nothing to recompute (0 changed orders, 0 changed days)"))
    }

    @Test(arguments: StoreBackend.available) func theRetentionWindowIsRefused(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        var pipeline = try ws.pipeline()
        pipeline.now = Self.at("2026-11-22T02:30:00Z")
        // Six months before 22 November is 22 May.
        #expect(pipeline.pruneLimit() == CivilDate(iso: "2026-05-22"))
        let error = pipelineError { _ = try pipeline.prune(before: CivilDate(iso: "2026-06-01")!, dryRun: true) }
        #expect(error?.kind == .usage)
        #expect(error?.message == "--before 2026-06-01 would delete history younger than 6 months (`retention.history_months` "
                + "in kpibridge.yaml); the latest date allowed today is 2026-05-22")
        // 31 August less six months is the last day of February.
        pipeline.now = Self.at("2026-08-31T12:00:00Z")
        #expect(pipeline.pruneLimit() == CivilDate(iso: "2026-02-28"))
        // The workspace may keep less (or more).
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", config + "retention:\n  history_months: 1\n")
        var short = try ws.pipeline()
        short.now = Self.at("2026-11-22T02:30:00Z")
        #expect(short.pruneLimit() == CivilDate(iso: "2026-10-22"))
    }
}
