import KPISchema
import KPIStore

/// What `prune` did, or in a dry run would do.
package struct PruneReport: Sendable {
    package var before: CivilDate
    package var dryRun: Bool
    package var result: PruneResult
}
