import KPIConnectors
import KPISchema

/// What a job did with one file, for the summary.
package struct FileOutcome: Sendable {
    package enum Status: Sendable {
        case loaded(ReadStats)
        case skipped(reason: Bilingual)
        /// Not loaded: nothing of it was written. The run goes on and exits 1.
        case failed(reason: Bilingual)
    }

    package var file: String
    package var connector: String
    package var status: Status
    /// `detected` when no workspace source named the connector.
    package var routing: Bilingual?
    /// Columns the connector does not know (schema drift), for the summary.
    package var unknownColumns: [String] = []
    /// Metrics the file's layout cannot feed, with the columns that would (see ``MetricReach``).
    package var unfedMetrics: [Bilingual] = []
    /// Columns records read that the file lacks, read as the spec's default.
    package var absentOptionalColumns: [String] = []
}
