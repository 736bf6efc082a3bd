import Foundation
import KPIPull
import KPISchema
import KPIWorkspace

extension Pipeline {
    /// What `run --schedule` did: the run (when the schedule loads) and the reports it wrote.
    public struct ScheduledRun: Sendable {
        public var schedule: String
        public var run: RunReport?
        /// Inbox files left for another schedule (their connector is not in this one's `sources`).
        public var leftForOthers: Int = 0
        /// Workspace-relative paths of the reports written.
        public var reports: [String] = []

    }

    /// Runs one schedule's stages: load its sources (and recompute its closed period) under the run
    /// lock, then write its reports. Relative periods count from today in the schedule's zone.
    public func run(schedule: Schedule) throws(PipelineError) -> ScheduledRun {
        var outcome = ScheduledRun(schedule: schedule.name)
        let today = schedule.today(at: now())
        if schedule.stages.contains(.load) {
            let claim = try claim("run --schedule \(schedule.name)")
            defer { withExtendedLifetime(claim.lease) {} }
            let pulls = try StreamPulls(pipeline: self).pull { stream in
                schedule.sources?.contains(stream.connector ?? PullerCatalog.defaultConnector(stream.api) ?? "") ?? true
            }
            let plan = try LoadPlanner(pipeline: self).plan(try Inbox(workspace: workspace).files() + StreamPulls(pipeline: self).inputs(pulls))
            let ours = { (file: PlannedFile) in schedule.sources?.contains(file.connector.id) ?? true }
            let mine = plan.filter(ours)
            outcome.leftForOthers = plan.filter { !ours($0) && $0.skipReason == nil }.count
            let recompute = schedule.recompute.map { relative in
                let period = relative.period(on: today)
                return DateRange(start: period.start, end: period.end)!
            }
            var loader = Loader(pipeline: self, command: "run --schedule \(schedule.name)", claim: claim)
            loader.recompute = recompute
            loader.score = schedule.stages.contains(.score)
            loader.streams = pulls.map(\.outcome)
            var run = try loader.load(mine)
            try StreamPulls(pipeline: self).commit(pulls, report: &run)
            outcome.run = run
        }
        if let settings = schedule.report {
            let period = settings.period.period(on: today)
            let folder = try workspace.paths.resolve(settings.folder, key: "schedules/\(schedule.name).yaml: report.out")
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .failed("cannot create \(settings.folder): \(error.localizedDescription)")
            }
            for language in settings.languages {
                let name = "kpibridge-report-\(period.label)-\(language.rawValue).html"
                let path = (folder as NSString).appendingPathComponent(name)
                let html = try report(period: period, language: language)
                do {
                    try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw .failed("cannot write \(path): \(error.localizedDescription)")
                }
                outcome.reports.append(workspace.paths.display(path))
            }
        }
        return outcome
    }
}
