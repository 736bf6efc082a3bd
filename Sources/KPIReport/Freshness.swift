import KPISchema

/// How current the data behind a report is: the last run, what each connector has loaded, and the
/// rows set aside, so a reader knows what the numbers do not yet include.
public struct Freshness: Sendable, Hashable {
    /// `load_ledger` rows of one connector, summed.
    public struct Source: Sendable, Hashable {
        public var connector: String
        public var files: Int
        public var rowsLoaded: Int
        public var rowsQuarantined: Int
        public var lastLoadedAt: String

        public init(connector: String, files: Int, rowsLoaded: Int, rowsQuarantined: Int, lastLoadedAt: String) {
            self.connector = connector
            self.files = files
            self.rowsLoaded = rowsLoaded
            self.rowsQuarantined = rowsQuarantined
            self.lastLoadedAt = lastLoadedAt
        }
    }

    /// One `quarantine` row, without its raw text (which may hold customer data).
    public struct Quarantined: Sendable, Hashable {
        public var id: Int64
        public var file: String
        public var line: Int?
        public var column: Int?
        public var reason: String

        public init(id: Int64, file: String, line: Int?, column: Int?, reason: String) {
            self.id = id
            self.file = file
            self.line = line
            self.column = column
            self.reason = reason
        }
    }

    /// The latest finished run, if any.
    public var lastRun: RunRecord?
    public var sources: [Source]
    /// The first quarantined rows (the report lists a few and points at the table for the rest).
    public var quarantined: [Quarantined]
    public var quarantinedTotal: Int

    public init(lastRun: RunRecord? = nil, sources: [Source] = [], quarantined: [Quarantined] = [], quarantinedTotal: Int = 0) {
        self.lastRun = lastRun
        self.sources = sources
        self.quarantined = quarantined
        self.quarantinedTotal = quarantinedTotal
    }
}
