/// Row counts of one file, for the ledger and the run summary.
package struct ReadStats: Sendable, Hashable {
    /// Data rows seen after the header.
    package var rowsRead = 0
    /// Rows that are not data (total rows), by a `skip_rows` rule.
    package var rowsSkipped = 0
    package var rowsQuarantined = 0
    package var recordsEmitted = 0

    package init() {}

    package var rowsLoaded: Int { rowsRead - rowsSkipped - rowsQuarantined }
}
