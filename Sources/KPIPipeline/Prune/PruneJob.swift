import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge prune`: deletes run history older than a date (see ``WarehouseStore/pruneHistory(before:dryRun:)``),
/// refusing a date inside the workspace's retention window. A real prune holds the run lock.
package struct PruneJob {
    package let pipeline: Pipeline
    /// History older than this date goes.
    package var before: CivilDate
    /// Only count what would go.
    package var dryRun: Bool

    package init(pipeline: Pipeline, before: CivilDate, dryRun: Bool) {
        self.pipeline = pipeline
        self.before = before
        self.dryRun = dryRun
    }

    /// The latest `--before` the workspace's retention allows: today (UTC) less `retention.history_months`.
    package static func limit(_ pipeline: Pipeline) -> CivilDate {
        let months = pipeline.workspace.config.retention?.historyMonths ?? Retention.defaultHistoryMonths
        let today = Zone.utc.date(of: pipeline.now())
        let index = today.year * 12 + (today.month - 1) - months
        let year = index / 12, month = index % 12 + 1
        return CivilDate(year: year, month: month, day: min(today.day, CivilDate.daysIn(month: month, year: year)))!
    }

    package func run() throws(PipelineError) -> PruneReport {
        let limit = Self.limit(pipeline)
        guard before <= limit else {
            let months = pipeline.workspace.config.retention?.historyMonths ?? Retention.defaultHistoryMonths
            throw .usage(Bilingual("--before \(before) would delete history younger than \(months) months (`retention.history_months` "
                                   + "in \(Workspace.configFile)); the latest date allowed today is \(limit)",
                                   "--before \(before) 会删除不足 \(months) 个月的历史（\(Workspace.configFile) 中的 `retention.history_months`）；"
                                   + "今天允许的最晚日期是 \(limit)"))
        }
        let claim = dryRun ? nil : try pipeline.claim("prune")
        defer { withExtendedLifetime(claim?.lease) {} }
        do {
            return PruneReport(before: before, dryRun: dryRun, result: try pipeline.store.pruneHistory(before: before, dryRun: dryRun))
        } catch {
            throw .failed(Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)"))
        }
    }
}

extension Pipeline {
    /// The latest `--before` the workspace's retention allows today.
    package func pruneLimit() -> CivilDate {
        PruneJob.limit(self)
    }

    /// Runs ``PruneJob`` on this workspace and store.
    package func prune(before: CivilDate, dryRun: Bool) throws(PipelineError) -> PruneReport {
        try PruneJob(pipeline: self, before: before, dryRun: dryRun).run()
    }
}
