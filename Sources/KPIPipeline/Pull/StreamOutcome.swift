import KPIPull

/// What a run did with one API stream, for its summary.
public struct StreamOutcome: Sendable {
    public var stream: String
    public var api: String
    /// Pages, orders, reports: the puller's own lines.
    public var notes: [String] = []
    /// Why the pull failed or stopped early (the run exits 1); what it landed before still loads.
    public var failure: String?
    /// Files landed for the load.
    public var landed: [String] = []
    public var requests = 0
    public var retries = 0
    public var throttledSeconds = 0.0
    /// The state before the pull and the state saved after the load (nil: left as it was).
    public var before: StreamState
    public var saved: StreamState?

    package static func summary(_ state: StreamState) -> String {
        var parts: [String] = []
        if let cursor = state.cursor { parts.append("cursor \(cursor)") }
        if let next = state.nextDay { parts.append("next day \(next)") }
        if let pending = state.pendingReport { parts.append("waiting for report \(pending.reportID) (\(pending.start)..\(pending.end))") }
        return parts.isEmpty ? "nothing pulled yet" : parts.joined(separator: ", ")
    }
}
