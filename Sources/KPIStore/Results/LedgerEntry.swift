/// A row of `load_ledger`.
package struct LedgerEntry: Sendable, Hashable {
    package var sha256: String
    package var file: String
    package var connector: String
    package var runID: Int64
    package var loadedAt: String
    package var rowsLoaded: Int
    package var rowsQuarantined: Int
}
