import KPISchema
import KPIWorkspace

extension Schedule {
    /// `schedule list`'s line: name, cron and zone, sources, stages, then recompute and description when set
    /// (names, cron, sources and stages are codes in both languages).
    package func listingLine(_ language: DisplayLanguage) -> String {
        let sources = self.sources?.joined(separator: ",") ?? language.pick("all sources", "全部数据源")
        let stages = self.stages.map(\.rawValue).joined(separator: ",")
        return "\(name)  \(cron) \(zone.identifier)  \(sources)  \(stages)"
            + (recompute.map { language.pick("  recompute \($0.rawValue)", "  重算 \($0.rawValue)") } ?? "")
            + (close.map { language.pick("  close \($0.rawValue)", "  结账 \($0.rawValue)") + (closeGraceDays > 0 ? "+\(closeGraceDays)d" : "") } ?? "")
            + (description.map { "  — \($0)" } ?? "")
    }
}
