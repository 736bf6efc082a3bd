import KPIPull
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
    /// Load only the files and streams of these connectors (`--select`); the rest wait for the next run.
    package var select: Set<String>?

    package init(pipeline: Pipeline, recompute: DateRange? = nil, fullRefresh: Bool = false, select: Set<String>? = nil) {
        self.pipeline = pipeline
        self.recompute = recompute
        self.fullRefresh = fullRefresh
        self.select = select
    }

    /// Imports every new file in the inbox, then refreshes the fact tables: the periods new or changed
    /// records fall in, or every period with `fullRefresh`. Periods overlapping `recompute` are
    /// recomputed with the definition version now in force even when closed.
    ///
    /// The workspace's API streams are pulled first; what they land loads with the inbox, and each
    /// stream's state advances only after that load has committed.
    package func run() throws(PipelineError) -> RunReport {
        if let select { try check(select) }
        let command = "run" + (select.map { " --select " + $0.sorted().joined(separator: ",") } ?? "")
        let claim = try pipeline.claim(command)
        defer { withExtendedLifetime(claim.lease) {} }
        let pulls = try StreamPulls(pipeline: pipeline).pull { stream in
            select?.contains(stream.connector ?? PullerCatalog.defaultConnector(stream.api) ?? "") ?? true
        }
        var loader = Loader(pipeline: pipeline, command: command, claim: claim)
        loader.recompute = recompute
        loader.fullRefresh = fullRefresh
        loader.streams = pulls.map(\.outcome)
        loader.watch = { select?.contains($0.connector) ?? true }
        let inbox = try Inbox(workspace: pipeline.workspace).files()
        let plan = try LoadPlanner(pipeline: pipeline).plan(inbox.inputs + StreamPulls(pipeline: pipeline).inputs(pulls),
                                                            refused: inbox.refused, ignored: inbox.ignored)
        var report = try loader.load(plan.filter { $0.isSelected(by: select) })
        report.leftUnselected = plan.filter { !$0.isSelected(by: select) && $0.skipReason == nil }.count
        try StreamPulls(pipeline: pipeline).commit(pulls, report: &report)
        return report
    }
}

extension RunJob {
    /// `--select` names connectors the workspace's sources or streams use (a typo would load nothing, silently).
    private func check(_ select: Set<String>) throws(PipelineError) {
        let config = pipeline.workspace.config
        let known = Set(config.sources.map(\.connector))
            .union((config.streams ?? []).compactMap { $0.connector ?? PullerCatalog.defaultConnector($0.api) })
        let unknown = select.subtracting(known).sorted()
        guard unknown.isEmpty else {
            let names = unknown.joined(separator: ", "), used = known.sorted().joined(separator: ", ")
            let (it, itZh) = unknown.count == 1 ? ("it", "它") : ("them", "它们")
            throw .usage(Bilingual("--select \(names): no source or stream of the workspace uses \(it) (they use \(used))",
                                   "--select \(names)：工作区没有任何数据源或数据流使用\(itZh)（现有数据源和数据流使用的是："
                                       + known.sorted().joined(separator: "、") + "）"))
        }
    }
}

extension Pipeline {
    /// Runs ``RunJob`` on this workspace and store.
    /// The run's outcome is told to the `notify:` webhooks, and so is a run that fails outright (the store
    /// unreachable, the scorecards refused) before the error reaches the caller.
    package func run(recompute: DateRange? = nil, fullRefresh: Bool = false, select: Set<String>? = nil) throws(PipelineError) -> RunReport {
        // Told after the run lock is released: a slow or unreachable webhook never holds the store.
        var report: RunReport
        do {
            report = try RunJob(pipeline: self, recompute: recompute, fullRefresh: fullRefresh, select: select).run()
        } catch {
            throw Notifications(pipeline: self).tell(error)
        }
        report.deliveries = Notifications(pipeline: self).send(
            Notice.afterRun(report, workspace: workspace.paths.root, invocation: invocation))
        return report
    }
}
