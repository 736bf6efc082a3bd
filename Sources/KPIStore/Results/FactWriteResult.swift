/// What writing facts changed.
package struct FactWriteResult: Sendable, Hashable {
    package var inserted = 0
    package var updated = 0
    package var deleted = 0
    package var unchanged = 0
    /// Rows updated or removed (inserts are not listed: they changed nothing anyone had seen).
    package var changes: [FactChange] = []
    /// Facts of closed periods the records now give differently: kept as closed, written to `restatements`.
    package var restated = 0

    package init() {}

    /// Rows whose stored content changed.
    package var written: Int { inserted + updated + deleted }
}
