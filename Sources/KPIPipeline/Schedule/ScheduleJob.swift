import Foundation
import KPIPull
import KPISchema
import KPIWorkspace

/// `kpibridge run --schedule NAME`: one schedule's stages — load its sources (and recompute its closed
/// period) under the run lock, then write its reports. Relative periods count from today in the schedule's zone.
package struct ScheduleJob {
    package let pipeline: Pipeline
    package var schedule: Schedule

    package init(pipeline: Pipeline, schedule: Schedule) {
        self.pipeline = pipeline
        self.schedule = schedule
    }

    private var workspace: Workspace { pipeline.workspace }
    private func now() -> Instant { pipeline.now() }

    package func run() throws(PipelineError) -> ScheduledRun {
        var outcome = ScheduledRun(schedule: schedule.name)
        let today = schedule.today(at: now())
        if schedule.stages.contains(.load) {
            let claim = try pipeline.claim("run --schedule \(schedule.name)")
            defer { withExtendedLifetime(claim.lease) {} }
            let pulls = try StreamPulls(pipeline: pipeline).pull { stream in
                schedule.sources?.contains(stream.connector ?? PullerCatalog.defaultConnector(stream.api) ?? "") ?? true
            }
            let inbox = try Inbox(workspace: workspace).files()
            let plan = try LoadPlanner(pipeline: pipeline).plan(inbox.inputs + StreamPulls(pipeline: pipeline).inputs(pulls),
                                                                refused: inbox.refused, ignored: inbox.ignored)
            let ours = { (file: PlannedFile) in file.isSelected(by: schedule.sources.map(Set.init)) }
            let mine = plan.filter(ours)
            outcome.leftForOthers = plan.filter { !ours($0) && $0.skipReason == nil }.count
            let recompute = schedule.recompute.map { relative in
                let period = relative.period(on: today)
                return DateRange(start: period.start, end: period.end)!
            }
            var loader = Loader(pipeline: pipeline, command: "run --schedule \(schedule.name)", claim: claim)
            loader.recompute = recompute
            loader.score = schedule.stages.contains(.score)
            loader.streams = pulls.map(\.outcome)
            loader.watch = { schedule.sources?.contains($0.connector) ?? true }
            var run = try loader.load(mine)
            try StreamPulls(pipeline: pipeline).commit(pulls, report: &run)
            outcome.run = run
        }
        // After the run brought it up to date (and a failed run closes nothing), before the report reads it.
        if let relative = schedule.close, outcome.run.map({ $0.exitCode == 0 }) ?? false {
            let period = relative.period(on: today)
            let from = period.end.adding(days: schedule.closeGraceDays + 1)
            outcome.close = today < from ? .waiting(period, from: from)
                : .closed(try CloseJob(pipeline: pipeline).close(period, by: "schedule \(schedule.name)"))
        }
        // Told after the run lock is released: a slow or unreachable webhook never holds the store.
        if var run = outcome.run {
            run.deliveries = Notifications(pipeline: pipeline).send(
                Notice.afterRun(run, workspace: workspace.paths.root, invocation: pipeline.invocation))
            outcome.run = run
        }
        if let settings = schedule.report {
            let period = settings.period.period(on: today)
            let folder = try workspace.paths.resolve(settings.folder, key: "schedules/\(schedule.name).yaml: report.out")
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .failed(Bilingual("cannot create \(settings.folder): \(error.localizedDescription)",
                                        "无法创建 \(settings.folder)：\(error.localizedDescription)"))
            }
            for language in settings.languages {
                let name = "kpibridge-report-\(period.label)-\(language.rawValue).html"
                let path = (folder as NSString).appendingPathComponent(name)
                let html = try pipeline.report(period: period, language: language)
                do {
                    try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw .failed(Bilingual("cannot write \(path): \(error.localizedDescription)", "无法写入 \(path)：\(error.localizedDescription)"))
                }
                outcome.reports.append(workspace.paths.display(path))
            }
            if workspace.config.notifies(.report) {
                let input = try ReportJob(pipeline: pipeline, period: period, language: .zh).input()
                outcome.reportDeliveries = Notifications(pipeline: pipeline).send(
                    [Notice.report(input, file: outcome.reports.joined(separator: ", "), workspace: workspace.paths.root,
                                   held: try ScoreReport.heldNote(pipeline.store))])
            }
        }
        return outcome
    }
}

extension Pipeline {
    /// Runs ``ScheduleJob`` for `schedule` on this workspace and store.
    /// A schedule that fails outright is told to the `notify:` webhooks that take `failed`.
    package func run(schedule: Schedule) throws(PipelineError) -> ScheduledRun {
        do {
            return try ScheduleJob(pipeline: self, schedule: schedule).run()
        } catch {
            throw Notifications(pipeline: self).tell(error)
        }
    }
}
