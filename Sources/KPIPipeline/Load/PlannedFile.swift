import KPIConnectors
import KPISchema
import KPIWorkspace

/// A file a job intends to read, with the connector and context chosen for it.
package struct PlannedFile {
    package var path: String
    package var display: String
    package var connector: any Connector
    package var source: SourceConfig?
    package var fingerprint: FileFingerprint
    /// Why the file will not be loaded, when it will not.
    package var skipReason: Bilingual?
    /// Why the file cannot be loaded (bad header, damaged workbook); the rest of the run goes on.
    package var failure: Bilingual?
    /// How the connector was chosen, when not by a workspace source (`detected`).
    package var routing: Bilingual?
    /// Header cells the connector neither reads nor lists as known: schema drift to mention.
    package var unknownColumns: [String] = []
    /// Metrics the file's layout cannot feed, worded for the summary (see ``MetricReach``).
    package var unfedMetrics: [Bilingual] = []
    /// Columns records read that the file lacks, read as the spec's default.
    package var absentOptionalColumns: [String] = []

    /// Whether a run limited to `connectors` (a schedule's `sources:`, `run --select`) loads this file; all
    /// when nil. A file no connector can take (unroutable, unreadable, a pipe) fails, and a hidden one is
    /// named as skipped, in every such run: none may leave it unnamed.
    package func isSelected(by connectors: Set<String>?) -> Bool {
        connector is UnroutedConnector || (connectors?.contains(connector.id) ?? true)
    }

    package func context(runID: Int64) -> SourceContext {
        source?.context(displayPath: display, fingerprint: fingerprint, runID: runID)
            ?? SourceContext(displayPath: display, fingerprint: fingerprint, runID: runID)
    }

    /// The encoding the file will be decoded with.
    package var encoding: SourceEncoding {
        guard let spec = connector as? SpecConnector else { return fingerprint.isUTF8 ? .utf8 : .gb18030 }
        return fingerprint.resolve(spec.compiled.encoding)
    }
}
