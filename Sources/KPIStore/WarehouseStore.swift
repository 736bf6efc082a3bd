import KPISchema
import KPIConnectors

/// The warehouse a run writes to. SQLite is the embedded default; PostgreSQL implements the same contract.
///
/// Every method is one transaction, so a killed run leaves each file either wholly loaded (with its
/// ledger row) or not at all.
public protocol WarehouseStore: Sendable {
    /// Records a run's start and returns its id.
    func beginRun(command: String, at: Instant) throws -> Int64
    /// Records how a run ended.
    func finishRun(_ run: RunOutcome) throws
    /// The ledger entry of a file already loaded with these exact bytes, if any.
    func ledgerEntry(sha256: String) throws -> LedgerEntry?
    /// Loads one file's records and quarantined rows and writes its ledger entry, atomically.
    func load(_ file: FileToLoad, reader: inout any RecordReader) throws -> ReadStats
    /// Calls `body` with each order and its lines, refunds and events, in key order, holding one
    /// order in memory at a time.
    func forEachOrder(_ body: (OrderBundle) throws -> Void) throws
    /// Fulfillment events and refunds whose order is not (yet) in the store.
    func orphanCounts() throws -> (events: Int, refunds: Int)
    /// Makes `fact_metric` equal `facts`, touching only rows whose values changed.
    func replaceFactMetrics(_ facts: [FactMetric], runID: Int64) throws -> FactWriteResult
    /// Streams a table's rows in primary-key order.
    func scan(_ table: StoreTable, _ body: (_ row: [TableValue]) throws -> Void) throws
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

    public init() {}

    /// Rows whose stored content changed.
    public var written: Int { inserted + updated + deleted }
}

/// A stored value as exporters see it, independent of the database.
public enum TableValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
