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
