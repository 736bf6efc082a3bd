import KPISchema

/// One row of `stream_state`: where a pulled API stream stands.
public struct StoredStreamState: Sendable, Hashable {
    public var stream: String
    /// The puller's state as JSON (cursor, next day, pending report id).
    public var state: String
    public var updatedAt: Instant
    /// The run whose load this state follows; nil for a checkpoint taken before loading.
    public var runID: Int64?

    public init(stream: String, state: String, updatedAt: Instant, runID: Int64?) {
        self.stream = stream
        self.state = state
        self.updatedAt = updatedAt
        self.runID = runID
    }
}
