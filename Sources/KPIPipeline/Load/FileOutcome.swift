import KPIConnectors
import KPISchema

/// What a job did with one file, for the summary.
public struct FileOutcome: Sendable {
    public enum Status: Sendable {
        case loaded(ReadStats)
        case skipped(reason: String)
        /// Not loaded: nothing of it was written. The run goes on and exits 1.
        case failed(reason: String)
    }

    public var file: String
    public var connector: String
    public var status: Status
    /// `detected` when no workspace source named the connector.
    public var routing: String?
    /// Columns the connector does not know (schema drift), for the summary.
    public var unknownColumns: [String] = []
}
