import KPIConnectors
import KPIFacts
import KPISchema
import KPIScoring
import KPIStore

/// The summary a job prints, and what the `runs` table records.
public struct RunReport: Sendable {
    public var runID: Int64
    public var command: String
    public var store: String
    public var files: [FileOutcome] = []
    /// The API streams pulled before the load, in kpibridge.yaml's order.
    public var streams: [StreamOutcome] = []
    /// What refreshing the fact tables wrote; nil when the job stopped before it.
    package var refresh: FactRefresh.Outcome?
    /// The `--recompute` dates, when given.
    public var recompute: DateRange?
    /// What taking the run lock found (a run that died mid-way), if anything.
    public var lockNote: String?

    public var facts: FactWriteResult? { refresh?.facts }
    public var factRows: Int { refresh?.factRows ?? 0 }
    public var reconciliationRows: Int { refresh?.reconciliationRows ?? 0 }
    public var detailRows: Int { refresh?.detailRows ?? 0 }
    public var diagnostics: MetricEngine.Diagnostics { refresh?.diagnostics ?? .init() }

    public var filesRead: Int { files.filter { if case .loaded = $0.status { true } else { false } }.count }
    public var filesSkipped: Int { files.filter { if case .skipped = $0.status { true } else { false } }.count }
    public var filesFailed: Int { failures.count }
    /// The reason of each failed file, file name first.
    public var failures: [String] {
        files.compactMap { if case .failed(let reason) = $0.status { reason } else { nil } }
    }
    /// Streams whose pull failed or stopped early.
    public var streamsFailed: Int { streams.filter { $0.failure != nil }.count }
    /// Why the run exits 1, when it does: failed files and failed streams.
    public var problems: [String] { failures + streams.compactMap(\.failure) }
    public var rowsLoaded: Int { files.reduce(0) { $0 + ($1.stats?.rowsLoaded ?? 0) } }
    public var rowsQuarantined: Int { files.reduce(0) { $0 + ($1.stats?.rowsQuarantined ?? 0) } }

}

extension FileOutcome {
    package var stats: ReadStats? {
        if case .loaded(let s) = status { return s }
        return nil
    }
}
