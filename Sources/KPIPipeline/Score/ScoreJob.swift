import Foundation
import KPIConnectors
import KPISchema
import KPIScoring
import KPIStore
import KPIWorkspace

extension Pipeline {
    /// Re-scores every card from the stored facts (what `run` does after computing them), recorded
    /// as a run of its own.
    public func score() throws(PipelineError) -> ScoreSummary {
        guard let file = workspace.scoring else {
            throw .usage("\(workspace.scoringName) not found: this workspace has no scorecards (see samples/workspace/scorecards.yaml)")
        }
        guard file.problems.isEmpty else {
            throw .failed(file.problems.joined(separator: "\n") + "\n(`kpibridge validate` lists these again)")
        }
        let claim = try claim("score")
        defer { withExtendedLifetime(claim.lease) {} }
        do {
            let runID = try store.beginRun(command: "score", at: now())
            let facts = try store.factMetrics()
            guard !facts.isEmpty else { throw PipelineError.failed("fact_metric is empty: run `kpibridge run` first") }
            let outcome = try ScoreRefresh(workspace: workspace, store: store, now: now())
                .run(facts: facts, roster: try ScoreRefresh.roster(store), runID: runID)!
            try store.finishRun(RunOutcome(runID: runID, finishedAt: now(), status: "ok", exitCode: 0, filesRead: 0,
                                           filesSkipped: 0, rowsLoaded: 0, rowsQuarantined: 0,
                                           factsWritten: outcome.written.scores.written, message: nil))
            return ScoreSummary(runID: runID, outcome: outcome)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed("store \(storeURL): \(error)")
        }
    }

    /// Every problem that would stop or skew scoring, each naming its file and key or line:
    /// the scorecards file's content, and roster people whose role has no scorecard (from the
    /// store and from roster files still waiting in the inbox).
    public func validate() throws(PipelineError) -> [String] {
        var problems = (workspace.scoring?.problems ?? []) + StreamPulls(pipeline: self).problems()
        guard let policy = workspace.scoring?.policy else { return problems }
        var roster: [String: Employee] = [:]
        do {
            for employee in try ScoreRefresh.roster(store) { roster[employee.id] = employee }
            for file in try planInbox() where file.connector.id == "team.roster" && file.failure == nil {
                var reader = try file.connector.open(path: file.path, context: file.context(runID: 0))
                var sink = CollectingSink()
                _ = try reader.read(into: &sink)
                for case .flat(let record) in sink.records { if let e = Employee(record) { roster[e.id] = e } }
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed("\(error)")
        }
        for employee in roster.values.sorted(by: { $0.id < $1.id }) where policy.scorecard(for: employee.role) == nil {
            let at = employee.lineage.map { "\($0.file):\($0.line)" } ?? "roster"
            problems.append("\(at): employee \(employee.id) (\(employee.name)) has role `\(employee.role)`, which no scorecard covers; "
                            + "map it under `roles:` in \(workspace.scoringName)"
                            + StrictMapping.hint(employee.role, among: Array(policy.roles.keys)))
        }
        return problems
    }
}

/// What `score` prints.
public struct ScoreSummary: Sendable {
    public var runID: Int64
    /// What re-scoring wrote: cards, grades, vetoes and pacing.
    package var outcome: ScoreRefresh.Outcome
}
