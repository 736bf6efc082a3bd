import KPIConnectors

/// What a job did with one file, for the summary.
public struct FileOutcome: Sendable {
    public enum Status: Sendable {
        case loaded(ReadStats)
        case skipped(reason: String)
    }

    public var file: String
    public var connector: String
    public var status: Status
}
