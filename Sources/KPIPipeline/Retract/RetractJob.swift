import Foundation
import KPIConnectors
import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge retract FILE`: the way out of a wrong upload. Removes every record the file is the source
/// of (with its quarantined rows and ledger entry), restores from the other loaded files the versions it
/// had replaced, and recomputes every period, so the store ends as if the file had never been loaded.
///
/// Restoring needs those other files as they were loaded: a retract refuses (changing nothing) when one
/// that could hold the same kinds of records is gone or changed, and while the retracted file is still
/// where the next run would load it again.
package struct RetractJob {
    package let pipeline: Pipeline
    /// The file as the run summary names it (`inbox/amazon/x.txt`), or a path to it.
    package var file: String

    package init(pipeline: Pipeline, file: String) {
        self.pipeline = pipeline
        self.file = file
    }

    private var workspace: Workspace { pipeline.workspace }

    package func run() throws(PipelineError) -> RunReport {
        let loaded = try pipeline.storeCall { try pipeline.store.loadedFiles() }
        let display = loaded.contains { $0.file == file } ? file : workspace.paths.display(URL(fileURLWithPath: file).path)
        let target = loaded.filter { $0.file == display }
        guard !target.isEmpty else {
            throw .usage("\(file) is not a loaded file (never loaded, or already retracted); "
                         + "`\(pipeline.invocation.command("export", "--table", "load_ledger"))` lists the loaded files by name")
        }
        let location = location(of: display)
        if let sha = try? FileFingerprint.compute(path: location).sha256, target.contains(where: { $0.sha256 == sha }) {
            throw .usage("\(display) is still where it was loaded from: move it out of the workspace first, "
                         + "or the next run loads it again")
        }
        let claim = try pipeline.claim("retract")
        defer { withExtendedLifetime(claim.lease) {} }
        let replay = try replays(others: loaded.filter { $0.file != display }, kinds: kinds(of: target))
        let runID = try pipeline.storeCall { try pipeline.store.beginRun(command: "retract \(display)", at: pipeline.now()) }
        var report = RunReport(runID: runID, command: "retract \(display)", store: pipeline.storeURL.description)
        report.invocation = pipeline.invocation
        report.lockNote = claim.note
        do {
            report.retraction = try pipeline.store.retract(file: display, replay: replay)
            report.tracking = try pipeline.store.attachTrackingEvents(runID: runID)
            var refresh = FactRefresh(workspace: workspace, store: pipeline.store, now: pipeline.now(), recompute: nil)
            refresh.invocation = pipeline.invocation
            refresh.incremental = false
            refresh.fullRefreshReason = "a file was retracted"
            report.refresh = try refresh.run(runID: runID, logger: pipeline.logger)
            try pipeline.store.finishRun(RunOutcome(
                runID: runID, finishedAt: pipeline.now(), status: report.problems.isEmpty ? "ok" : "rates missing",
                exitCode: Int(report.exitCode), factsWritten: report.refresh?.facts.written ?? 0,
                message: report.problems.isEmpty ? nil : report.problems.joined(separator: "\n")))
        } catch {
            let message = (error as? PipelineError)?.message ?? "store \(pipeline.storeURL): \(error)"
            try? pipeline.store.finishRun(RunOutcome(runID: runID, finishedAt: pipeline.now(), status: "failed", exitCode: 1, message: message))
            throw .failed(message)
        }
        return report
    }

    /// Where a ledger name is on disk: inside the workspace unless the ledger recorded an absolute path.
    private func location(of display: String) -> String {
        display.hasPrefix("/") ? display : (workspace.paths.root as NSString).appendingPathComponent(display)
    }

    /// The record kinds a loaded file's connector makes; nil when it cannot be told (the connector is gone).
    private func kinds(of entries: [LedgerEntry]) -> Set<String>? {
        var kinds: Set<String> = []
        for entry in entries {
            guard let spec = (try? workspace.connector(entry.connector) as? SpecConnector)?.compiled else { return nil }
            kinds.formUnion(spec.spec.records.kinds)
        }
        return kinds
    }

    /// The other loaded files, planned with the connector and settings they load with, in load order.
    /// One that could hold records of the retracted file's kinds but is gone, changed or unreadable
    /// stops the retract: what the file replaced could not be restored.
    private func replays(others: [LedgerEntry], kinds: Set<String>?) throws(PipelineError) -> [RetractReplay] {
        var planner = LoadPlanner(pipeline: pipeline)
        planner.replaying = true
        var replays: [RetractReplay] = []
        var missing: [String] = []
        for entry in others {
            let overlaps = kinds.map { !$0.isDisjoint(with: self.kinds(of: [entry]) ?? $0) } ?? true
            let path = location(of: entry.file)
            guard (try? FileFingerprint.compute(path: path).sha256) == entry.sha256 else {
                if overlaps { missing.append(entry.file) }
                continue
            }
            guard overlaps else { continue }
            let connector: any Connector
            do { connector = try workspace.connector(entry.connector) } catch {
                missing.append(entry.file)
                continue
            }
            let source = workspace.source(for: entry.file).flatMap { $0.connector == entry.connector ? $0 : nil }
            guard let planned = try planner.plan([(path, connector, source)]).first, planned.failure == nil, planned.skipReason == nil else {
                missing.append(entry.file)
                continue
            }
            let file = FileToLoad(path: entry.file, connector: entry.connector, fingerprint: planned.fingerprint,
                                  encoding: planned.encoding.rawValue, runID: entry.runID,
                                  at: Instant(iso8601: entry.loadedAt) ?? pipeline.now())
            replays.append(RetractReplay(file: file) {
                try planned.connector.open(path: planned.path, context: planned.context(runID: entry.runID))
            })
        }
        guard missing.isEmpty else {
            throw .failed("cannot retract: restoring what it replaced needs these loaded files as they were loaded, and they are "
                          + "gone, changed or unreadable: " + missing.joined(separator: ", ")
                          + ". Put them back (the same bytes) and retract again; nothing was changed")
        }
        return replays
    }
}

extension Pipeline {
    /// Runs ``RetractJob`` for `file`.
    package func retract(_ file: String) throws(PipelineError) -> RunReport {
        try RetractJob(pipeline: self, file: file).run()
    }
}
