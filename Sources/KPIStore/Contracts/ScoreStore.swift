import KPISchema

/// Scorecards, pacing and provider status.
///
/// Every method is one transaction. Part of ``WarehouseStore``; a job asks only for the part it needs.
package protocol ScoreStore: Sendable {
    /// Makes `fact_score`, `fact_pacing` and `provider_status` equal the given rows.
    func replaceScores(_ scores: [ScoreFact], pacing: [PacingFact], providers: [ProviderStatusFact], runID: Int64) throws
        -> ScoreWriteResult
}
