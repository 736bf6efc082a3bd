/// An error the CLI reports in one clear message, with the exit code cron alerting relies on.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// Exit codes: 1 the job failed, 2 the command was used wrongly, 3 another run holds the store
    /// (nothing was done; cron can simply try again later).
    public enum Kind: Int32, Sendable {
        case failed = 1
        case usage = 2
        case busy = 3
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func failed(_ message: String) -> PipelineError { PipelineError(.failed, message) }
    public static func usage(_ message: String) -> PipelineError { PipelineError(.usage, message) }

    public var description: String { message }
}
