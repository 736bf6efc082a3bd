/// What `score` prints.
package struct ScoreSummary: Sendable {
    package var runID: Int64
    /// What re-scoring wrote: cards, grades, vetoes and pacing.
    package var outcome: ScoreRefresh.Outcome
}
