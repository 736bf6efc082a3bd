import KPISchema

/// The warehouse a run writes to. SQLite is the embedded default; PostgreSQL implements the same contract.
///
/// Every method is one transaction, so a killed run leaves each file either wholly loaded (with its
/// ledger row) or not at all.
public protocol WarehouseStore: Sendable {
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
    /// The ledger entry of a file already loaded with these exact bytes, if any.
    func ledgerEntry(sha256: String) throws -> LedgerEntry?
    /// Loads one file's records and quarantined rows and writes its ledger entry, atomically.
    func load(_ file: FileToLoad, reader: inout any RecordReader) throws -> ReadStats
    /// Calls `body` with each order and its lines, refunds and events, in key order, holding one
    /// order in memory at a time; within a scope, only orders with a date in its window.
    func forEachOrder(within scope: RecomputeScope?, _ body: (OrderBundle) throws -> Void) throws
    /// Fulfillment events and refunds whose order is not (yet) in the store.
    func orphanCounts() throws -> (events: Int, refunds: Int)
    /// Makes `fact_metric` equal `facts` — within the periods `scope` replaces, when given — touching
    /// only rows whose values changed.
    func replaceFactMetrics(_ facts: [FactMetric], within scope: RecomputeScope?, runID: Int64) throws -> FactWriteResult
    /// What loads changed since the last completed refresh, and that refresh's basis and clock.
    func pendingRefresh() throws -> PendingRefresh
    /// Records a completed refresh: forgets the pending changes it covered, keeps its basis and clock.
    func completeRefresh(basis: String, asOf: Instant, runID: Int64) throws
    /// Calls `body` with each stored record of a plain-data kind, in key order; within a scope, only
    /// records with a date in its window.
    func forEachFlat(_ kind: FlatKind, within scope: RecomputeScope?, _ body: (FlatRecord) throws -> Void) throws
    /// Which profile version computed each stored (profile, grain, period).
    func factPeriodVersions() throws -> [StoredPeriodVersion]
    /// The definition versions earlier runs recorded, one row per concept.
    func recordedDefinitions() throws -> [DefinitionRow]
    /// Records the definition versions a run used (replacing rows of the same profile, version and concept).
    func recordDefinitions(_ rows: [DefinitionRow], runID: Int64) throws
    /// Makes `fact_reconciliation` and `reconciliation_detail` equal the given rows (within `scope`'s
    /// periods, when given).
    func replaceReconciliation(_ rows: [ReconciliationFact], details: DetailRows,
                               within scope: RecomputeScope?, runID: Int64) throws
        -> (facts: FactWriteResult, details: FactWriteResult)
    /// Makes `fact_score`, `fact_pacing` and `provider_status` equal the given rows.
    func replaceScores(_ scores: [ScoreFact], pacing: [PacingFact], providers: [ProviderStatusFact], runID: Int64) throws
        -> ScoreWriteResult
    /// The stored `fact_metric` rows, in key order (what `score` and `explain` read).
    func factMetrics() throws -> [FactMetric]
    /// Streams a table's rows in primary-key order.
    func scan(_ table: StoreTable, _ body: (_ row: [TableValue]) throws -> Void) throws
    /// Every pulled stream's saved state, by stream name.
    func streamStates() throws -> [StoredStreamState]
    /// Saves a stream's state (JSON text), replacing what it had.
    func saveStreamState(_ state: StoredStreamState) throws
    /// Forgets a stream's state, so its next pull starts from its configured `start`; false when it had none.
    func deleteStreamState(_ stream: String) throws -> Bool
}

extension WarehouseStore {
    /// Calls `body` with every order and its lines, refunds and events, in key order.
    public func forEachOrder(_ body: (OrderBundle) throws -> Void) throws {
        try forEachOrder(within: nil, body)
    }

    /// Calls `body` with every stored record of a plain-data kind, in key order.
    public func forEachFlat(_ kind: FlatKind, _ body: (FlatRecord) throws -> Void) throws {
        try forEachFlat(kind, within: nil, body)
    }

    /// Makes `fact_metric` equal `facts` in every period.
    public func replaceFactMetrics(_ facts: [FactMetric], runID: Int64) throws -> FactWriteResult {
        try replaceFactMetrics(facts, within: nil, runID: runID)
    }

    /// Makes `fact_reconciliation` and `reconciliation_detail` equal the given rows in every period.
    public func replaceReconciliation(_ rows: [ReconciliationFact], details: [ReconciliationDetail], runID: Int64) throws
        -> (facts: FactWriteResult, details: FactWriteResult)
    {
        try replaceReconciliation(rows, details: DetailRows(details), within: nil, runID: runID)
    }
}

/// What `prune` deleted (or, in a dry run, would delete), per table.
public struct PruneResult: Sendable, Hashable {
    public var runs = 0
    public var ledger = 0
    public var quarantine = 0
    public var factChanges = 0

    public init() {}
}

/// What a scoring write changed, per table.
public struct ScoreWriteResult: Sendable, Hashable {
    public var scores = FactWriteResult()
    public var pacing = FactWriteResult()
    public var providers = FactWriteResult()

    public init() {}
}

/// One (profile, grain, period) of `fact_metric` and the version that computed it.
public struct StoredPeriodVersion: Sendable, Hashable {
    public var profile: String
    public var grain: Grain
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    public var timezone: String
    public var version: Int

    public init(profile: String, grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, timezone: String, version: Int) {
        self.profile = profile
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.timezone = timezone
        self.version = version
    }
}

/// One concept of one recorded definition version, as the `definitions` table keeps it.
public struct DefinitionRow: Sendable, Hashable {
    public var profile: String
    public var version: Int
    public var effectiveFrom: CivilDate?
    public var concept: String
    public var variant: String
    /// What a named variant stands for (a shift calendar's days and hours).
    public var detail: String?

    public init(profile: String, version: Int, effectiveFrom: CivilDate?, concept: String, variant: String, detail: String?) {
        self.profile = profile
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.concept = concept
        self.variant = variant
        self.detail = detail
    }
}

/// A file about to be loaded, as the ledger will record it.
public struct FileToLoad: Sendable {
    public var path: String
    public var connector: String
    public var fingerprint: FileFingerprint
    public var encoding: String
    public var runID: Int64
    public var at: Instant

    public init(path: String, connector: String, fingerprint: FileFingerprint, encoding: String, runID: Int64, at: Instant) {
        self.path = path
        self.connector = connector
        self.fingerprint = fingerprint
        self.encoding = encoding
        self.runID = runID
        self.at = at
    }
}

/// A row of `load_ledger`.
public struct LedgerEntry: Sendable, Hashable {
    public var sha256: String
    public var file: String
    public var connector: String
    public var runID: Int64
    public var loadedAt: String
    public var rowsLoaded: Int
    public var rowsQuarantined: Int
}

/// How a run ended, for the `runs` table.
public struct RunOutcome: Sendable, Hashable {
    public var runID: Int64
    public var finishedAt: Instant
    public var status: String
    public var exitCode: Int
    public var filesRead: Int
    public var filesSkipped: Int
    public var rowsLoaded: Int
    public var rowsQuarantined: Int
    public var factsWritten: Int
    public var message: String?

    public init(runID: Int64, finishedAt: Instant, status: String, exitCode: Int, filesRead: Int = 0,
                filesSkipped: Int = 0, rowsLoaded: Int = 0, rowsQuarantined: Int = 0, factsWritten: Int = 0,
                message: String? = nil) {
        self.runID = runID
        self.finishedAt = finishedAt
        self.status = status
        self.exitCode = exitCode
        self.filesRead = filesRead
        self.filesSkipped = filesSkipped
        self.rowsLoaded = rowsLoaded
        self.rowsQuarantined = rowsQuarantined
        self.factsWritten = factsWritten
        self.message = message
    }
}

/// What writing facts changed.
public struct FactWriteResult: Sendable, Hashable {
    public var inserted = 0
    public var updated = 0
    public var deleted = 0
    public var unchanged = 0
    /// Rows updated or removed (inserts are not listed: they changed nothing anyone had seen).
    public var changes: [FactChange] = []

    public init() {}

    /// Rows whose stored content changed.
    public var written: Int { inserted + updated + deleted }
}

/// A fact row a run changed or removed, as `fact_changes` logs it.
public struct FactChange: Sendable, Hashable {
    /// `updated` or `removed`.
    public var change: String
    /// grain, period_start, scope_type, scope_id, metric, profile.
    public var key: [String]
    public var oldValue: String?
    public var newValue: String?
    public var oldDefinition: String?
    public var newDefinition: String?

    public init(change: String, key: [String], oldValue: String?, newValue: String?, oldDefinition: String?, newDefinition: String?) {
        self.change = change
        self.key = key
        self.oldValue = oldValue
        self.newValue = newValue
        self.oldDefinition = oldDefinition
        self.newDefinition = newDefinition
    }
}

/// A stored value as exporters see it, independent of the database.
public enum TableValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
