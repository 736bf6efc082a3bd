import KPIWorkspace

extension Schedule {
    /// `schedule list`'s line: name, cron and zone, sources, stages, then recompute and description when set.
    package var listingLine: String {
        let sources = self.sources?.joined(separator: ",") ?? "all sources"
        let stages = self.stages.map(\.rawValue).joined(separator: ",")
        return "\(name)  \(cron) \(zone.identifier)  \(sources)  \(stages)"
            + (recompute.map { "  recompute \($0.rawValue)" } ?? "")
            + (description.map { "  — \($0)" } ?? "")
    }
}
