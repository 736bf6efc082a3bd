/// What `prune` deleted (or, in a dry run, would delete), per table.
package struct PruneResult: Sendable, Hashable {
    package var runs = 0
    package var ledger = 0
    package var quarantine = 0
    package var factChanges = 0

    package init() {}
}
