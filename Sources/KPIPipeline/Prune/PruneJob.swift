import KPISchema
import KPIStore
import KPIWorkspace

extension Pipeline {
    /// What `prune` did, or in a dry run would do.
    public struct PruneReport: Sendable {
        public var before: CivilDate
        public var dryRun: Bool
        public var result: PruneResult
    }

    /// The latest `--before` the workspace's retention allows: today (UTC) less `retention.history_months`.
    public func pruneLimit() -> CivilDate {
        let months = workspace.config.retention?.historyMonths ?? Retention.defaultHistoryMonths
        let today = Zone.utc.date(of: now())
        let index = today.year * 12 + (today.month - 1) - months
        let year = index / 12, month = index % 12 + 1
        return CivilDate(year: year, month: month, day: min(today.day, CivilDate.daysIn(month: month, year: year)))!
    }

    /// Deletes run history older than `before` (see ``WarehouseStore/pruneHistory(before:dryRun:)``),
    /// refusing a date inside the retention window. A real prune holds the run lock.
    public func prune(before: CivilDate, dryRun: Bool) throws(PipelineError) -> PruneReport {
        let limit = pruneLimit()
        guard before <= limit else {
            let months = workspace.config.retention?.historyMonths ?? Retention.defaultHistoryMonths
            throw .usage("--before \(before) would delete history younger than \(months) months (`retention.history_months` "
                         + "in \(Workspace.configFile)); the latest date allowed today is \(limit)")
        }
        let claim = dryRun ? nil : try claim("prune")
        defer { withExtendedLifetime(claim?.lease) {} }
        do {
            return PruneReport(before: before, dryRun: dryRun, result: try store.pruneHistory(before: before, dryRun: dryRun))
        } catch {
            throw .failed("store \(storeURL): \(error)")
        }
    }
}
