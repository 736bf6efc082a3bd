/// What a scoring write changed, per table.
package struct ScoreWriteResult: Sendable, Hashable {
    package var scores = FactWriteResult()
    package var pacing = FactWriteResult()
    package var providers = FactWriteResult()

    package init() {}
}
