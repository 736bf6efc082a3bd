import KPIConnectors
import KPIFacts
import KPIStore

/// The summary a job prints, and what the `runs` table records.
public struct RunReport: Sendable {
    public var runID: Int64
    public var command: String
    public var store: String
    public var files: [FileOutcome] = []
    public var facts: FactWriteResult?
    public var factRows = 0
    public var diagnostics = MetricEngine.Diagnostics()

    public var filesRead: Int { files.filter { if case .loaded = $0.status { true } else { false } }.count }
    public var filesSkipped: Int { files.filter { if case .skipped = $0.status { true } else { false } }.count }
    public var filesFailed: Int { failures.count }
    /// The reason of each failed file, file name first.
    public var failures: [String] {
        files.compactMap { if case .failed(let reason) = $0.status { reason } else { nil } }
    }
    public var rowsLoaded: Int { files.reduce(0) { $0 + ($1.stats?.rowsLoaded ?? 0) } }
    public var rowsQuarantined: Int { files.reduce(0) { $0 + ($1.stats?.rowsQuarantined ?? 0) } }

    /// A few plain lines: each file, then the totals and where the results are.
    public var text: String {
        var lines = ["kpibridge \(command) · run #\(runID) · store \(store)"]
        for file in files {
            switch file.status {
            case .loaded(let s):
                var detail = "\(s.rowsLoaded) rows loaded"
                if s.rowsQuarantined > 0 { detail += ", \(s.rowsQuarantined) quarantined" }
                if s.rowsSkipped > 0 { detail += ", \(s.rowsSkipped) skipped as non-data" }
                let routing = file.routing.map { ", \($0)" } ?? ""
                lines.append("  loaded   \(file.file) [\(file.connector)\(routing)] \(detail)")
                if !file.unknownColumns.isEmpty {
                    lines.append("           new columns the connector does not know: " + file.unknownColumns.map { "`\($0)`" }.joined(separator: ", "))
                }
            case .skipped(let reason):
                lines.append("  skipped  \(file.file) (\(reason))")
            case .failed(let reason):
                lines.append("  FAILED   " + reason.replacingOccurrences(of: "\n", with: "\n           "))
            }
        }
        lines.append("files: \(filesRead) read, \(filesSkipped) skipped" + (filesFailed > 0 ? ", \(filesFailed) FAILED" : "")
                     + " · rows: \(rowsLoaded) loaded, \(rowsQuarantined) quarantined")
        if let facts {
            lines.append("facts: \(factRows) rows in fact_metric (\(facts.inserted) new, \(facts.updated) changed, \(facts.deleted) removed, \(facts.unchanged) unchanged)")
        }
        if diagnostics.orphanEvents + diagnostics.orphanRefunds > 0 {
            lines.append("note: \(diagnostics.orphanEvents) fulfillment events and \(diagnostics.orphanRefunds) refunds name orders not loaded yet; they count once their orders arrive")
        }
        if filesFailed > 0 {
            lines.append("\(filesFailed) file\(filesFailed == 1 ? "" : "s") failed and \(filesFailed == 1 ? "was" : "were") not loaded; fix or remove \(filesFailed == 1 ? "it" : "them") and run again (exit code 1)")
        }
        if rowsQuarantined > 0 {
            lines.append("quarantined rows: kpibridge export --table quarantine --format csv")
        }
        return lines.joined(separator: "\n")
    }
}

extension FileOutcome {
    var stats: ReadStats? {
        if case .loaded(let s) = status { return s }
        return nil
    }
}
