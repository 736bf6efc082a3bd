import Foundation
import KPIFacts
import KPISchema
import KPIScoring
import KPIStore
import KPIWorkspace

/// Scores every card from the metric facts and writes `fact_score`, `fact_pacing` and
/// `provider_status`. Run by `run` after the facts, and by `score` from the stored facts.
package struct ScoreRefresh {
    package let workspace: Workspace
    package let store: any RecordStore & ScoreStore
    package let now: Instant

    package struct Outcome {
        package var written = ScoreWriteResult()
        package var scores: [ScoreFact] = []
        package var pacing: [PacingFact] = []
        package var providers: [ProviderStatusFact] = []
        /// Roster people whose role has no scorecard.
        package var unscored: [Employee] = []
        /// Why nothing was scored and the last scores stand (targets sheet rows the roster cannot place),
        /// in both languages: the run summary prints the reader's, the `runs` row the English.
        package var held: [Bilingual] = []
    }

    /// The roster as stored (the latest row per employee).
    package static func roster(_ store: any RecordStore) throws -> [Employee] {
        var out: [Employee] = []
        try store.forEachFlat(.roster) { if let e = Employee($0) { out.append(e) } }
        return out
    }

    package func run(facts: [FactMetric], roster: [Employee], runID: Int64) throws -> Outcome? {
        guard let file = workspace.scoring else { return nil }
        // A target row that reaches no one, or two that reach one person, would score someone against a
        // target no one set for them: the cards stay as the last run left them, and the run says why.
        if let sheet = file.policy.targetSheet {
            let held = sheet.problems(roster: roster, policy: file.policy)
            if !held.isEmpty {
                var outcome = Outcome()
                outcome.held = held
                return outcome
            }
        }
        var flat: [FlatRecord] = []
        for kind in [FlatKind.manualRating, .violation] { try store.forEachFlat(kind) { flat.append($0) } }
        let inputs = ScoringInputs(facts: facts, roster: roster, flat: flat)
        let scorer = Scorer(policy: file.policy, inputs: inputs)
        var outcome = Outcome()
        outcome.scores = scorer.scoreAll()
        outcome.unscored = scorer.unscored
        let today = file.policy.zone.date(of: now)
        outcome.pacing = Pacer(policy: file.policy).pace(outcome.scores, today: today)
        if let providers = file.policy.providers {
            outcome.providers = ProviderTiers(policy: providers, inputs: inputs).history(today: today)
        }
        outcome.written = try store.replaceScores(outcome.scores, pacing: outcome.pacing, providers: outcome.providers,
                                                  runID: runID)
        return outcome
    }
}
