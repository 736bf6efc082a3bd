import Foundation
import KPIConnectors
import KPIFacts
import KPISchema
import KPIStore
import KPIWorkspace
import Logging

/// Loads planned files, one transaction each, then refreshes the facts and records the run either way.
package struct Loader {
    package let pipeline: Pipeline
    /// The command as `runs` records it (`run`, `import`, `run --schedule nightly`).
    package var command: String
    /// The job's hold on the store, kept until the load is recorded.
    package var claim: Pipeline.Claim
    /// Dates whose periods are recomputed with the definitions now in force, even when closed.
    package var recompute: DateRange?
    /// Whether scorecards are recomputed after the facts.
    package var score = true
    /// Recompute every period rather than only those new or changed records fall in.
    package var fullRefresh = false
    /// The streams pulled before the load, for the summary.
    package var streams: [StreamOutcome] = []
    /// The sources whose `fresh_within` the run checks after loading; nil checks none (an import).
    package var watch: ((SourceConfig) -> Bool)?

    package init(pipeline: Pipeline, command: String, claim: Pipeline.Claim) {
        self.pipeline = pipeline
        self.command = command
        self.claim = claim
    }

    private var workspace: Workspace { pipeline.workspace }
    private var store: any WarehouseStore { pipeline.store }
    private var storeURL: StoreURL { pipeline.storeURL }
    private var logger: Logger { pipeline.logger }
    private var progressInterval: Int { pipeline.progressInterval }
    private func now() -> Instant { pipeline.now() }

    /// Loads the planned files one transaction each, then refreshes facts; records the run either way.
    package func load(_ plan: [PlannedFile]) throws(PipelineError) -> RunReport {
        defer { withExtendedLifetime(claim.lease) {} }
        if let problems = workspace.scoring?.problems, !problems.isEmpty {
            let targets = workspace.config.targets
            throw .failed(Bilingual.joined(problems, en: "\n", zh: "\n")
                          + Bilingual("\n(\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(workspace.scoringName)\(targets.map { " and " + $0 } ?? ""); nothing was loaded; `kpibridge validate` checks again)",
                                      "\n（\(workspace.scoringName)\(targets.map { " 和 " + $0 } ?? "") 中有 \(problems.count) 个问题；未加载任何内容；`kpibridge validate` 可再次检查）"))
        }
        let salt = try pipeline.customerSalt()
        let runID = try pipeline.storeCall { try store.beginRun(command: command, at: now()) }
        var report = RunReport(runID: runID, command: command, store: storeURL.description)
        report.recompute = recompute
        report.invocation = pipeline.invocation
        report.lockNote = claim.note
        report.streams = streams
        var current: String?
        // The plan position the run reached: a stop counts the loadable files from here as not read.
        var reached = 0
        do {
            for (index, file) in plan.enumerated() {
                reached = index
                if let reason = file.skipReason {
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id, status: .skipped(reason: reason)))
                    logger.info("skipped  \(file.display) (\(reason.en))",
                                metadata: ["event": "skipped", "file": "\(file.display)", "reason": "\(reason.en)",
                                           Bilingual.logKey: "跳过  \(file.display)（\(reason.zh)）"])
                    continue
                }
                if let reason = file.failure {
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id, status: .failed(reason: reason)))
                    logger.error("failed   \(file.display)", metadata: ["event": "failed", "file": "\(file.display)", "reason": "\(reason.en)",
                                                                     Bilingual.logKey: "无法加载  \(file.display)"])
                    continue
                }
                try pipeline.stop.check()
                current = file.display
                logger.info("loading  \(file.display) [\(file.connector.id)]",
                            metadata: ["event": "loading", "file": "\(file.display)", "connector": "\(file.connector.id)",
                                       Bilingual.logKey: "加载  \(file.display) [\(file.connector.id)]"])
                do {
                    var context = file.context(runID: runID)
                    context.customerSalt = salt
                    let opened = try file.connector.open(path: file.path, context: context)
                    // Read on a second thread while this one stores what was read.
                    var reader: any RecordReader = ReadAheadReader(base: ProgressReader(
                        base: UnchangedFileGuard(base: QuarantineGuard(base: opened, file: file.display), path: file.path,
                                                 file: file.display, expected: file.fingerprint),
                        file: file.display, interval: progressInterval, logger: logger, stop: pipeline.stop))
                    let stats = try store.load(
                        FileToLoad(path: file.display, connector: file.connector.id, fingerprint: file.fingerprint,
                                   encoding: file.encoding.rawValue, runID: runID, at: now()),
                        reader: &reader)
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id, status: .loaded(stats),
                                                    routing: file.routing, unknownColumns: file.unknownColumns,
                                                    unfedMetrics: file.unfedMetrics, absentOptionalColumns: file.absentOptionalColumns))
                    current = nil
                } catch let error as any SourceError {
                    // The file's transaction rolled back: none of its rows are in the store.
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id,
                                                    status: .failed(reason: error.sentence)))
                    logger.error("failed   \(file.display)",
                                 metadata: ["event": "failed", "file": "\(file.display)", "reason": "\(error.description)",
                                            Bilingual.logKey: "无法加载  \(file.display)"])
                    current = nil
                }
            }
            reached = plan.count
            try pipeline.stop.check()
            report.tracking = try store.attachTrackingEvents(runID: runID)
            var refresh = FactRefresh(workspace: workspace, store: store, now: now(), recompute: recompute)
            refresh.invocation = pipeline.invocation
            refresh.score = score
            refresh.incremental = !fullRefresh
            report.refresh = try refresh.run(runID: runID, logger: logger)
        } catch let stop as Interrupted {
            let rest = plan[min(plan.count, reached + (current == nil ? 0 : 1))...]
            throw interrupted(stop, report: report, notRead: rest.filter { $0.skipReason == nil && $0.failure == nil }.count,
                              rolledBack: current)
        } catch {
            // Anything else thrown here came from the store (a dropped connection, a full disk): say which.
            let message = (error as? PipelineError)?.sentence
                ?? Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)")
            try? store.finishRun(RunOutcome(
                runID: runID, finishedAt: now(), status: "failed", exitCode: 1, filesRead: report.filesRead,
                filesSkipped: report.filesSkipped, rowsLoaded: report.rowsLoaded,
                rowsQuarantined: report.rowsQuarantined, message: message))
            throw .failed(message + (report.filesRead > 0
                                     ? Bilingual("\n(\(report.filesRead) files loaded before the failure are kept; re-running skips them)",
                                                 "\n（失败前已加载的 \(report.filesRead) 个文件保留；重新运行会跳过它们）")
                                     : Bilingual.empty))
        }
        do {
            if let watch { report.freshness = try SourceFreshness.check(pipeline, watching: watch) }
        } catch {
            try? store.finishRun(RunOutcome(runID: runID, finishedAt: now(), status: "failed", exitCode: 1, message: error.sentence))
            throw error
        }
        do {
            let failed = !report.problems.isEmpty
            try store.finishRun(RunOutcome(
                runID: runID, finishedAt: now(), status: report.status, exitCode: Int(report.exitCode),
                filesRead: report.filesRead,
                filesSkipped: report.filesSkipped, rowsLoaded: report.rowsLoaded,
                rowsQuarantined: report.rowsQuarantined, factsWritten: report.refresh?.facts.written ?? 0,
                message: failed ? Bilingual(report.problems.joined(separator: "\n"), report.problemsZh.joined(separator: "\n")) : nil))
        } catch {
            throw .failed(Bilingual("store \(storeURL): \(error)", "存储 \(storeURL)：\(error)"))
        }
        return report
    }

    /// Records the run as `interrupted` and says what was done and what was not.
    private func interrupted(_ stop: Interrupted, report: RunReport, notRead: Int, rolledBack: String?) -> PipelineError {
        var parts = ["\(report.filesRead) file\(report.filesRead == 1 ? "" : "s") loaded and kept (\(report.rowsLoaded) rows)"]
        if let rolledBack { parts.append("\(rolledBack) rolled back (none of its rows kept)") }
        parts.append("\(notRead) file\(notRead == 1 ? "" : "s") not read")
        let message = "interrupted by \(stop.name): " + parts.joined(separator: ", ")
            + "; fact tables not refreshed. Run #\(report.runID) is recorded as interrupted; the next run loads the rest and refreshes."
        let messageZh = "被 \(stop.name) 中断：\(report.filesRead) 个文件已加载并保留（\(report.rowsLoaded) 行）"
            + (rolledBack.map { "，\($0) 已回滚（其行一概不保留）" } ?? "") + "，\(notRead) 个文件未读取"
            + "；事实表未刷新。运行 #\(report.runID) 记为被中断；下次运行会加载其余文件并刷新。"
        let kind: PipelineError.Kind = stop.signal == SIGINT ? .interrupted : .terminated
        try? store.finishRun(RunOutcome(
            runID: report.runID, finishedAt: now(), status: "interrupted", exitCode: Int(kind.rawValue),
            filesRead: report.filesRead, filesSkipped: report.filesSkipped, rowsLoaded: report.rowsLoaded,
            rowsQuarantined: report.rowsQuarantined, message: Bilingual(message, messageZh)))
        logger.error("\(message)", metadata: ["event": "interrupted", "signal": "\(stop.name)", Bilingual.logKey: "\(messageZh)"])
        return PipelineError(kind, Bilingual(message, messageZh))
    }
}
