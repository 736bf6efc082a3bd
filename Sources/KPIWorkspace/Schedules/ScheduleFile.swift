import Foundation
import KPISchema

/// Reads `schedules/*.yaml` with the same strict rules as the other configuration files: unknown
/// keys are errors with a close spelling, and every message names the file and key.
package enum ScheduleFile {
    package static let keys = ["description", "cron", "timezone", "sources", "stages", "recompute", "report"]
    package static let reportKeys = ["period", "lang", "out"]

    /// The schedules of `directory` for `workspace` (whose connectors a `sources:` entry may name).
    package static func loadAll(directory: String, workspace: Workspace) throws(PipelineError) -> [Schedule] {
        try loadAll(directory: directory, connectors: Set(workspace.catalog.ids))
    }

    /// One named schedule of `directory`, or a usage error listing the names there are.
    package static func named(_ name: String, directory: String, workspace: Workspace) throws(PipelineError) -> Schedule {
        let all = try loadAll(directory: directory, workspace: workspace)
        guard let schedule = all.first(where: { $0.name == name }) else {
            throw .usage("no schedule `\(name)` in \(directory); there are: \(all.map(\.name).joined(separator: ", "))"
                         + StrictMapping.hint(name, among: all.map(\.name)))
        }
        return schedule
    }

    /// Every `*.yaml` in `directory`, by name (the file name without extension).
    package static func loadAll(directory: String, connectors: Set<String>) throws(PipelineError) -> [Schedule] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw .usage("\(directory): no schedules folder here (--schedules names it)")
        }
        return try names.map { file throws(PipelineError) in
            try load(path: (directory as NSString).appendingPathComponent(file), connectors: connectors)
        }
    }

    /// One schedule; `connectors` are the ids a `sources:` entry may name.
    package static func load(path: String, connectors: Set<String>) throws(PipelineError) -> Schedule {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw .usage("\(path): a schedule's file name is its name in crontab and systemd units; use letters, digits, - and _")
        }
        let root = try StrictMapping.root(path: path, display: path, what: "schedule")
        try root.check(allowed: keys)
        guard let cronText = try root.string("cron") else { throw root.error("cron", "is required, e.g. \"30 2 * * *\"") }
        let cron: CronExpression
        do { cron = try CronExpression(parsing: cronText) } catch { throw root.error("cron", error.description) }
        guard let zoneName = try root.string("timezone") else {
            throw root.error("timezone", "is required: the zone the cron time is in, e.g. Asia/Shanghai")
        }
        guard let zone = Zone(zoneName) else { throw root.error("timezone", "`\(zoneName)` is not a known time zone") }
        let sources = try root.strings("sources")
        for source in sources ?? [] where !connectors.contains(source) {
            throw root.error("sources", "names `\(source)`, which is not a connector of this workspace"
                             + StrictMapping.hint(source, among: Array(connectors)))
        }
        let stages = try root.choices("stages", Schedule.Stage.self) ?? [.load, .score]
        let recompute = try root.choice("recompute", Schedule.RelativePeriod.self)
        var report: Schedule.ReportSettings?
        if let section = try root.mapping("report") {
            try section.check(allowed: reportKeys)
            report = Schedule.ReportSettings(
                period: try section.choice("period", Schedule.RelativePeriod.self) ?? .previousMonth,
                languages: try section.choices("lang", DisplayLanguage.self) ?? [.en],
                folder: try section.string("out") ?? "reports")
        }
        if stages.contains(.report) != (report != nil) {
            throw root.error(report == nil ? "stages" : "report",
                             report == nil ? "lists `report` but there is no `report:` section saying which period and where"
                                           : "is set but `stages` does not list `report`")
        }
        if stages.contains(.score) && !stages.contains(.load) {
            throw root.error("stages", "lists `score` without `load`; `kpibridge score` re-scores on its own")
        }
        return Schedule(name: name, description: try root.string("description"), cron: cron, zone: zone, sources: sources,
                        stages: stages, recompute: recompute, report: report)
    }
}
