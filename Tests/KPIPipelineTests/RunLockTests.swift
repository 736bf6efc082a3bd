import Foundation
import KPIPipeline
import KPISchema
import KPIStore
import KPIStorePostgres
import KPIStoreTesting
import KPIText
import Testing

/// One run at a time per store: a second run exits at once naming the holder and writes nothing;
/// a lock left by a run that died is taken over and that run marked abandoned.
@Suite struct RunLockTests {
    @Test(arguments: StoreBackend.available) func secondRunExitsAtOnceNamingTheHolder(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        let holder = RunHolder(pid: 4242, host: "cron-a", command: "run", since: Instant(iso8601: "2026-11-02T02:30:00Z")!)
        var lease: (any RunLease)? = try ws.pipeline().store.acquireRunLock(holder)
        #expect(lease?.takenOver == nil)
        let error = pipelineError { _ = try ws.pipeline().run() }
        #expect(error?.kind == .busy)
        let lock = switch backend {
        case .sqlite: "\(ws.path)/.kpibridge/warehouse.sqlite.lock"
        case .postgres: "advisory lock on \(try PostgresLocation(url: ws.store!))"
        }
        #expect(error?.message == "another run holds the store: pid 4242 on cron-a (kpibridge run) since 2026-11-02T02:30:00Z "
                + "(lock \(lock)); nothing was done, run again once it has finished")
        // `score` is refused the same way; `status` names the holder; nothing was recorded or loaded.
        #expect(pipelineError { _ = try ws.pipeline().score() }?.kind == .busy)
        let status = try RunHistory.load(try ws.pipeline(), limit: 5)
        #expect(status.holder == holder)
        #expect(status.runs.isEmpty)
        #expect(try ws.export("load_ledger").split(separator: "\r\n").count == 1)
        // Once the holder is done, the run proceeds.
        lease = nil
        let report = try ws.pipeline().run()
        #expect(report.filesRead == 4)
        #expect(report.lockNote == nil)
        #expect(try RunHistory.load(try ws.pipeline(), limit: 5).holder == nil)
    }

    @Test(arguments: StoreBackend.available) func lockOfADeadRunIsTakenOverAndItsRunAbandoned(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        // What a run killed after starting leaves: its `runs` row unfinished and its holder written down,
        // the lock itself gone with the process (the kernel drops its flock; the server its session).
        let store = try ws.pipeline().store
        _ = try store.beginRun(command: "run", at: Instant(iso8601: "2026-11-02T02:30:00Z")!)
        let dead = RunHolder(pid: 4242, host: "cron-a", command: "run", since: Instant(iso8601: "2026-11-02T02:30:00Z")!)
        let deadLease: (any RunLease)?
        switch backend {
        case .sqlite:
            deadLease = nil
            try ws.write(".kpibridge/warehouse.sqlite.lock", "pid=4242\nhost=cron-a\ncommand=run\nsince=2026-11-02T02:30:00Z\n")
        case .postgres:
            let doomed = try #require(try ws.pipeline().store as? PostgresStore)
            deadLease = try doomed.acquireRunLock(dead)
            let backendPID = try doomed.read { try $0.rows("SELECT pg_backend_pid()", []) }[0][0]
            _ = try (store as! PostgresStore).write { try $0.rows("SELECT pg_terminate_backend(?)", [StoreValue(backendPID)]) }
        }
        let report = try ws.pipeline().run()
        #expect(report.runID == 2)
        #expect(report.text.contains("""
            note: the run lock of pid 4242 on cron-a (kpibridge run) since 2026-11-02T02:30:00Z was left behind: that process \
            ended without finishing; run #1 marked abandoned in `runs`; files it loaded completely are kept, the rest load now
            """))
        let status = try RunHistory.load(try ws.pipeline(), limit: 5)
        #expect(status.runs.map(\.id) == [2, 1])
        #expect(status.runs[1].status == "abandoned")
        #expect(status.runs[1].seconds == nil)
        #expect(status.runs[0].status == "ok" && status.runs[0].exitCode == 0 && status.runs[0].filesRead == 4)
        #expect(status.text.contains("  #1   run      2026-11-02T02:30:00Z  –         0/0"))
        // In Chinese the columns align by terminal width (运行 takes four) and the status is in words.
        let zh = status.text(language: .zh)
        #expect(zh.contains("  #1    run   2026-11-02T02:30:00Z  –     0/0") && zh.contains("进程中止（已放弃）") && zh.contains("成功"))
        // A clean finish empties the lock: the next run finds nothing to take over.
        if backend == .sqlite {
            #expect(try String(contentsOfFile: ws.path + "/.kpibridge/warehouse.sqlite.lock", encoding: .utf8).isEmpty)
        }
        #expect(try store.runLockHolder() == nil)
        withExtendedLifetime(deadLease) {}
        #expect(try ws.pipeline().run().lockNote == nil)
    }
}
