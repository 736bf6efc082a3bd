import KPISchema

/// Runs and the run lock: who holds the store, how each run started and ended, and pruning their history.
///
/// Every method is one transaction. Part of ``WarehouseStore``; a job asks only for the part it needs.
package protocol RunLedger: Sendable {
    /// Claims the store for one run until the lease is freed; throws ``RunLockBusy`` naming the holder
    /// when another run has it. A lock left by a run that died is taken over (``RunLease/takenOver``).
    func acquireRunLock(_ holder: RunHolder) throws -> any RunLease
    /// The run holding the store now, if any (for `status`), without claiming anything.
    func runLockHolder() throws -> RunHolder?
    /// Marks runs that never finished (their process died mid-run) `abandoned`, returning their ids.
    /// Call only while holding the run lock.
    func abandonUnfinishedRuns(at: Instant) throws -> [Int64]
    /// Deletes run history older than `before` — `runs` rows with their ledger entries, quarantined rows
    /// and fact change log — never records or fact tables; with `dryRun` only counts what would go.
    func pruneHistory(before: CivilDate, dryRun: Bool) throws -> PruneResult
    /// Records a run's start and returns its id.
    func beginRun(command: String, at: Instant) throws -> Int64
    /// Records how a run ended.
    func finishRun(_ run: RunOutcome) throws
}
