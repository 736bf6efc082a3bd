import KPISchema

/// One row of `stream_state`: where a pulled API stream stands.
package struct StoredStreamState: Sendable, Hashable {
    package var stream: String
    /// The puller's state as JSON (cursor, next day, pending report id).
    package var state: String
    package var updatedAt: Instant
    /// The run whose load this state follows; nil for a checkpoint taken before loading.
    package var runID: Int64?

    package init(stream: String, state: String, updatedAt: Instant, runID: Int64?) {
        self.stream = stream
        self.state = state
        self.updatedAt = updatedAt
        self.runID = runID
    }
}
