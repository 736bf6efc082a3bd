import KPIConnectors
import KPIFacts
import KPISchema
import KPIScoring
import KPIStore
import KPIWorkspace

/// The summary a job prints, and what the `runs` table records.
package struct RunReport: Sendable {
    package var runID: Int64
    package var command: String
    package var store: String
    /// How the user named the workspace and store, for the commands the summary suggests.
    package var invocation = Invocation()
    package var files: [FileOutcome] = []
    /// The API streams pulled before the load, in kpibridge.yaml's order.
    package var streams: [StreamOutcome] = []
    /// What refreshing the fact tables wrote; nil when the job stopped before it.
    package var refresh: FactRefresh.Outcome?
    /// Carrier scans attached to orders by tracking number (nil when the run stopped before).
    package var tracking: TrackingAttachment?
    /// The `--recompute` dates, when given.
    package var recompute: DateRange?
    /// What taking the run lock found (a run that died mid-way), if anything.
    package var lockNote: Bilingual?
    /// Files of connectors `--select` left out, waiting for the next run.
    package var leftUnselected = 0
    /// What a retract removed and re-applied (`kpibridge retract`).
    package var retraction: RetractOutcome?
    /// Each watched source's newest file against its `fresh_within` (run and schedules; not import).
    package var freshness: SourceFreshness?
    /// What the `notify:` webhooks were told after the run, and any that could not be told.
    package var deliveries: [Notifications.Delivery] = []

    package var facts: FactWriteResult? { refresh?.facts }
    package var factRows: Int { refresh?.factRows ?? 0 }
    package var reconciliationRows: Int { refresh?.reconciliationRows ?? 0 }
    package var detailRows: Int { refresh?.detailRows ?? 0 }
    package var bridgeRows: Int { refresh?.bridgeRows ?? 0 }
    package var diagnostics: MetricEngine.Diagnostics { refresh?.diagnostics ?? .init() }

    package var filesRead: Int { files.filter { if case .loaded = $0.status { true } else { false } }.count }
    package var filesSkipped: Int { files.filter { if case .skipped = $0.status { true } else { false } }.count }
    package var filesFailed: Int { failures.count }
    /// The reason of each failed file, file name first.
    package var failures: [String] { failedSentences.map(\.en) }
    /// Why each file failed, in both languages.
    private var failedSentences: [Bilingual] {
        files.compactMap { if case .failed(let reason) = $0.status { reason } else { nil } }
    }
    /// Streams whose pull failed or stopped early.
    package var streamsFailed: Int { streams.filter { $0.failure != nil }.count }
    /// Why the run exits 1, when it does: failed files, failed streams, and exchange rates the facts wait for.
    /// 1 when something failed, 4 when all went well but a source is stale, else 0.
    package var exitCode: Int32 {
        if !problems.isEmpty { return PipelineError.Kind.failed.rawValue }
        return freshness?.stale.isEmpty == false ? PipelineError.Kind.stale.rawValue : 0
    }
    package var problems: [String] { problemSentences.map(\.en) }
    /// ``problems`` for a Chinese reader.
    package var problemsZh: [String] { problemSentences.map(\.zh) }
    /// What made the run fail, one list for both languages: failed files, streams, missing rates, held
    /// scores, undelivered notices.
    private var problemSentences: [Bilingual] {
        failedSentences + streams.compactMap(\.failure)
            + [refresh?.missingRates].compactMap { $0 }.map { Bilingual($0.description(.en), $0.description(.zh)) }
            + (refresh?.scoring?.held ?? [])
            + deliveries.compactMap { delivery in
                delivery.failure.map { Bilingual("notify \(delivery.webhook): \($0.en)", "通知 \(delivery.webhook)：\($0.zh)") }
            }
    }
    /// The `runs.status` a finished run is recorded with: what failed first, else stale, else ok.
    package var status: String {
        filesFailed > 0 ? "files failed" : streamsFailed > 0 ? "streams failed"
            : refresh?.missingRates != nil ? "rates missing" : refresh?.scoring?.held.isEmpty == false ? "scores held"
            : exitCode == PipelineError.Kind.stale.rawValue ? "stale sources" : "ok"
    }
    package var rowsLoaded: Int { files.reduce(0) { $0 + ($1.stats?.rowsLoaded ?? 0) } }
    package var rowsQuarantined: Int { files.reduce(0) { $0 + ($1.stats?.rowsQuarantined ?? 0) } }

}

extension FileOutcome {
    package var stats: ReadStats? {
        if case .loaded(let s) = status { return s }
        return nil
    }
}
