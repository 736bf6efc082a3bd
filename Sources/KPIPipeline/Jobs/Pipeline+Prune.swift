import KPISchema
import KPIStore
import KPIWorkspace

extension Pipeline {
    /// What `prune` did, or in a dry run would do.
    public struct PruneReport: Sendable {
        public var before: CivilDate
        public var dryRun: Bool
        public var result: PruneResult

        public var text: String {
            let rows = [("runs", result.runs), ("load_ledger", result.ledger), ("quarantine", result.quarantine),
                        ("fact_changes", result.factChanges)]
            return (["kpibridge prune · run history before \(before)" + (dryRun ? " (dry run: nothing deleted)" : "")]
                    + rows.map { "  \($0.0.padding(toLength: 13, withPad: " ", startingAt: 0)) \(String($0.1).leftPadded(to: 8))"
                        + (dryRun ? " would go" : " deleted") }
                    + ["records and fact tables are kept; a file whose ledger entry is gone loads again if re-sent, and its "
                       + "records replace themselves by key (nothing counts twice)"]).joined(separator: "\n")
        }
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

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
