import Foundation
import KPIConnectors
import KPISchema
import KPIScoring
import KPIStore
import KPIWorkspace

/// `kpibridge score`: re-scores every card from the stored facts (what `run` does after computing them,
/// needed after editing scorecards.yaml), recorded as a run of its own.
package struct ScoreJob {
    package let pipeline: Pipeline

    package init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    package func run() throws(PipelineError) -> ScoreSummary {
        let workspace = pipeline.workspace, store = pipeline.store, storeURL = pipeline.storeURL, now = pipeline.now
        guard let file = workspace.scoring else {
            throw .usage(Bilingual("\(workspace.scoringName) not found: this workspace has no scorecards (see samples/workspace/scorecards.yaml)",
                                   "找不到 \(workspace.scoringName)：这个工作区没有考核表（参见 samples/workspace/scorecards.yaml）"))
        }
        guard file.problems.isEmpty else {
            throw .failed(Bilingual.joined(file.problems, en: "\n", zh: "\n")
                          + Bilingual("\n(`kpibridge validate` lists these again)", "\n（`kpibridge validate` 会再次列出这些问题）"))
        }
        let claim = try pipeline.claim("score")
        defer { withExtendedLifetime(claim.lease) {} }
        do {
            let runID = try store.beginRun(command: "score", at: now())
            let facts = try store.factMetrics()
            guard !facts.isEmpty else {
                throw PipelineError.failed(Bilingual("fact_metric is empty: run `kpibridge run` first", "fact_metric 为空：请先运行 `kpibridge run`"))
            }
            // Facts with money held back would grade a missing gmv as "no data": the cards stay as they are.
            if try store.pendingRefresh().basis?.hasSuffix(FactRefresh.waitingForRates) == true {
                throw PipelineError.failed(Bilingual("the last run held gmv and aov back for missing fx rates (`kpibridge doctor` lists "
                                                     + "the rows to add); the scores stay as they are until a run with those rates recomputes the facts",
                                                     "上次运行因缺少汇率暂缓了 `gmv` 和 `aov`（`kpibridge doctor` 会列出要补的汇率行）；"
                                                     + "得分保持不变，直到补上这些汇率的运行重新计算事实表"))
            }
            let outcome = try ScoreRefresh(workspace: workspace, store: store, now: now())
                .run(facts: facts, roster: try ScoreRefresh.roster(store), runID: runID)!
            if !outcome.held.isEmpty {
                let message = Bilingual.joined(outcome.held, en: "\n", zh: "\n")
                    + Bilingual("\nnothing was scored; fact_score stays as it was", "\n未计算任何得分；fact_score 保持原样")
                try store.finishRun(RunOutcome(runID: runID, finishedAt: now(), status: "scores held", exitCode: 1, message: message))
                throw PipelineError.failed(message)
            }
            try store.finishRun(RunOutcome(runID: runID, finishedAt: now(), status: "ok", exitCode: 0, filesRead: 0,
                                           filesSkipped: 0, rowsLoaded: 0, rowsQuarantined: 0,
                                           factsWritten: outcome.written.scores.written, message: nil))
            return ScoreSummary(runID: runID, outcome: outcome)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual("store \(storeURL): \(error)", "存储 \(storeURL)：\(error)"))
        }
    }
}

extension Pipeline {
    /// Runs ``ScoreJob`` on this workspace and store.
    package func score() throws(PipelineError) -> ScoreSummary {
        try ScoreJob(pipeline: self).run()
    }
}
