import KPISchema
import KPIWorkspace

/// `kpibridge run`: pull the workspace's streams, load every new inbox file and what the streams landed,
/// refresh the fact tables, and save each stream's state once its files are in.
package struct RunJob {
    package let pipeline: Pipeline
    /// Periods overlapping these dates are recomputed with the definitions now in force, even when closed.
    package var recompute: DateRange?
    /// Recompute every period rather than only those new or changed records fall in.
    package var fullRefresh = false

    package init(pipeline: Pipeline, recompute: DateRange? = nil, fullRefresh: Bool = false) {
        self.pipeline = pipeline
        self.recompute = recompute
        self.fullRefresh = fullRefresh
    }

    /// Imports every new file in the inbox, then refreshes the fact tables: the periods new or changed
    /// records fall in, or every period with `fullRefresh`. Periods overlapping `recompute` are
    /// recomputed with the definition version now in force even when closed.
    ///
    /// The workspace's API streams are pulled first; what they land loads with the inbox, and each
    /// stream's state advances only after that load has committed.
    package func run() throws(PipelineError) -> RunReport {
        let claim = try pipeline.claim("run")
        defer { withExtendedLifetime(claim.lease) {} }
        let pulls = try StreamPulls(pipeline: pipeline).pull()
        var loader = Loader(pipeline: pipeline, command: "run", claim: claim)
        loader.recompute = recompute
        loader.fullRefresh = fullRefresh
        loader.streams = pulls.map(\.outcome)
        loader.watch = { _ in true }
        let inbox = try Inbox(workspace: pipeline.workspace).files()
        var report = try loader.load(try LoadPlanner(pipeline: pipeline).plan(inbox.inputs + StreamPulls(pipeline: pipeline).inputs(pulls),
                                                                             refused: inbox.refused, ignored: inbox.ignored))
        try StreamPulls(pipeline: pipeline).commit(pulls, report: &report)
        return report
    }
}

extension Pipeline {
    /// Runs ``RunJob`` on this workspace and store.
    package func run(recompute: DateRange? = nil, fullRefresh: Bool = false) throws(PipelineError) -> RunReport {
        try RunJob(pipeline: self, recompute: recompute, fullRefresh: fullRefresh).run()
    }
}
