/// A row of `load_ledger`, or of `pruned_files` (the identity a pruned ledger row leaves behind).
package struct LedgerEntry: Sendable, Hashable {
    package var sha256: String
    package var file: String
    package var connector: String
    package var runID: Int64
    package var loadedAt: String
    package var rowsLoaded: Int
    package var rowsQuarantined: Int
    /// The file's run history was pruned; only its identity remains (row counts are 0).
    package var pruned = false
    /// The file was retracted (`kpibridge retract`): its bytes never load again; `runID` is the retract's run
    /// and `loadedAt` when it was retracted.
    package var retracted = false
}
