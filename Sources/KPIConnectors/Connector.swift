import KPISchema

/// A pipeline stage that turns one source file into normalized records.
///
/// `open` reads only as far as the header, so a run can check every file before it writes anything.
public protocol Connector: Sendable {
    var id: String { get }
    var title: String { get }
    func open(path: String, context: SourceContext) throws -> any RecordReader
}

/// Streams an opened file's rows into a sink.
public protocol RecordReader {
    mutating func read(into sink: inout some RecordSink) throws -> ReadStats
}

/// Where records and quarantined rows go: the store's loader in production, an array in tests.
public protocol RecordSink {
    mutating func accept(_ record: NormalizedRecord) throws
    mutating func quarantine(_ row: QuarantinedRow) throws
}

/// What a workspace says about one source that the file itself does not.
public struct SourceContext: Sendable {
    /// The file as shown in messages and lineage (workspace-relative when possible).
    public var displayPath: String
    public var fingerprint: FileFingerprint
    public var runID: Int64
    /// The shop rows belong to when the export has no shop column (Amazon flat files).
    public var shop: String?
    /// The platform rows belong to when neither the export nor the connector says (a warehouse
    /// export, a tracking feed).
    public var platform: String?
    /// Overrides the connector's zone for local times (a TikTok store's region).
    public var timezone: String?
    /// The currency when the export leaves it blank.
    public var currency: String?
    /// The days a report covers when its rows carry no date (a Business Report, an inventory snapshot).
    public var period: DateRange?

    public init(displayPath: String, fingerprint: FileFingerprint, runID: Int64, shop: String? = nil,
                platform: String? = nil, timezone: String? = nil, currency: String? = nil, period: DateRange? = nil) {
        self.displayPath = displayPath
        self.platform = platform
        self.fingerprint = fingerprint
        self.runID = runID
        self.shop = shop
        self.timezone = timezone
        self.currency = currency
        self.period = period
    }
}

/// Row counts of one file, for the ledger and the run summary.
public struct ReadStats: Sendable, Hashable {
    /// Data rows seen after the header.
    public var rowsRead = 0
    /// Rows that are not data (total rows), by a `skip_rows` rule.
    public var rowsSkipped = 0
    public var rowsQuarantined = 0
    public var recordsEmitted = 0

    public init() {}

    public var rowsLoaded: Int { rowsRead - rowsSkipped - rowsQuarantined }
}

/// Collects everything in memory; for tests and previews.
public struct CollectingSink: RecordSink {
    public var records: [NormalizedRecord] = []
    public var quarantined: [QuarantinedRow] = []

    public init() {}

    public mutating func accept(_ record: NormalizedRecord) { records.append(record) }
    public mutating func quarantine(_ row: QuarantinedRow) { quarantined.append(row) }
}
