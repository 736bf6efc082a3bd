import Foundation
import KPISchema

/// Reads `schedules/*.yaml` with the same strict rules as the other configuration files: unknown
/// keys are errors with a close spelling, and every message names the file and key.
package enum ScheduleFile {
    package static let keys = ["description", "cron", "timezone", "sources", "stages", "recompute", "close", "close_grace_days", "report"]
    package static let reportKeys = ["period", "lang", "out"]

    /// The schedules of `directory` for `workspace` (whose connectors a `sources:` entry may name).
    package static func loadAll(directory: String, workspace: Workspace) throws(PipelineError) -> [Schedule] {
        try loadAll(directory: directory, connectors: Set(workspace.catalog.ids))
    }

    /// One named schedule of `directory`, or a usage error listing the names there are.
    package static func named(_ name: String, directory: String, workspace: Workspace) throws(PipelineError) -> Schedule {
        let all = try loadAll(directory: directory, workspace: workspace)
        guard let schedule = all.first(where: { $0.name == name }) else {
            let names = all.map(\.name), hint = StrictMapping.hint(name, among: names)
            throw .usage(Bilingual("no schedule `\(name)` in \(directory); there are: \(names.joined(separator: ", "))" + hint.en,
                                   "\(directory) 里没有调度计划 `\(name)`；现有：\(names.joined(separator: "、"))" + hint.zh))
        }
        return schedule
    }

    /// Every `*.yaml` in `directory`, by name (the file name without extension).
    package static func loadAll(directory: String, connectors: Set<String>) throws(PipelineError) -> [Schedule] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw .usage(Bilingual("\(directory): no schedules folder here (--schedules names it)",
                                   "\(directory)：这里没有调度计划文件夹（用 --schedules 指定）"))
        }
        return try names.map { file throws(PipelineError) in
            try load(path: (directory as NSString).appendingPathComponent(file), connectors: connectors)
        }
    }

    /// One schedule; `connectors` are the ids a `sources:` entry may name.
    package static func load(path: String, connectors: Set<String>) throws(PipelineError) -> Schedule {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw .usage(Bilingual("\(path): a schedule's file name is its name in crontab and systemd units; use letters, digits, - and _",
                                   "\(path)：调度计划的文件名就是它在 crontab 和 systemd 单元里的名字；只能用字母、数字、- 和 _"))
        }
        let root = try StrictMapping.root(path: path, display: path, what: Bilingual("schedule", "调度计划"))
        try root.check(allowed: keys)
        guard let cronText = try root.string("cron") else {
            throw root.error("cron", Bilingual("is required, e.g. \"30 2 * * *\"", "必填，如 \"30 2 * * *\""))
        }
        let cron: CronExpression
        do { cron = try CronExpression(parsing: cronText) } catch { throw root.error("cron", error.sentence) }
        guard let zoneName = try root.string("timezone") else {
            throw root.error("timezone", Bilingual("is required: the zone the cron time is in, e.g. Asia/Shanghai",
                                                  "必填：cron 时间所在的时区，如 Asia/Shanghai"))
        }
        guard let zone = Zone(zoneName) else {
            throw root.error("timezone", Bilingual("`\(zoneName)` is not a known time zone", "`\(zoneName)` 不是已知的时区"))
        }
        let sources = try root.strings("sources")
        for source in sources ?? [] where !connectors.contains(source) {
            let hint = StrictMapping.hint(source, among: Array(connectors))
            throw root.error("sources", Bilingual("names `\(source)`, which is not a connector of this workspace" + hint.en,
                                                  "写了 `\(source)`，但它不是本工作区的连接器" + hint.zh))
        }
        let stages = try root.choices("stages", Schedule.Stage.self) ?? [.load, .score]
        let recompute = try root.choice("recompute", Schedule.RelativePeriod.self)
        let close = try root.choice("close", Schedule.RelativePeriod.self)
        let grace = try root.int("close_grace_days") ?? 0
        if close == .currentMonth || close == .currentQuarter {
            throw root.error("close", Bilingual("closes a period still under way: close a previous one (previous_month, previous_quarter)",
                                                "会为尚未结束的周期结账：请为已过去的周期结账（`previous_month`、`previous_quarter`）"))
        }
        if grace < 0 { throw root.error("close_grace_days", Bilingual("must be 0 or more days", "应为 0 或更多天")) }
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
                             report == nil
                                 ? Bilingual("lists `report` but there is no `report:` section saying which period and where",
                                             "列出了 `report`，但没有 `report:` 段说明报告哪个周期、写到哪里")
                                 : Bilingual("is set but `stages` does not list `report`", "已设置，但 `stages` 没有列出 `report`"))
        }
        if stages.contains(.score) && !stages.contains(.load) {
            throw root.error("stages", Bilingual("lists `score` without `load`; `kpibridge score` re-scores on its own",
                                                 "列出了 `score` 却没有 `load`；`kpibridge score` 可单独重新计算得分"))
        }
        if close != nil && !stages.contains(.load) {
            throw root.error("close", Bilingual("needs the `load` stage: a period is closed after a run brings its numbers up to date",
                                                "需要 `load` 阶段：周期要在运行把数字更新之后才结账"))
        }
        var schedule = Schedule(name: name, description: try root.string("description"), cron: cron, zone: zone, sources: sources,
                                stages: stages, recompute: recompute, report: report)
        schedule.close = close
        schedule.closeGraceDays = grace
        return schedule
    }
}
