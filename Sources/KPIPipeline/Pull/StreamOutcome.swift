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

    var line: String {
        var text = "  pulled   \(stream) [\(api)] \(landed.count) file\(landed.count == 1 ? "" : "s"), \(requests) request\(requests == 1 ? "" : "s")"
        if retries > 0 { text += " (\(retries) retried)" }
        if throttledSeconds > 0 { text += ", \(String(format: "%.1f", throttledSeconds)) s waited for the rate limit" }
        if !notes.isEmpty { text += ": " + notes.joined(separator: "; ") }
        if let failure { text = "  FAILED   " + failure + (landed.isEmpty ? "" : " (the \(landed.count) file\(landed.count == 1 ? "" : "s") pulled before still load)") }
        if let saved, saved != before { text += "\n           state: " + Self.summary(saved) }
        else { text += "\n           state unchanged: " + Self.summary(before) }
        return text
    }

    static func summary(_ state: StreamState) -> String {
        var parts: [String] = []
        if let cursor = state.cursor { parts.append("cursor \(cursor)") }
        if let next = state.nextDay { parts.append("next day \(next)") }
        if let pending = state.pendingReport { parts.append("waiting for report \(pending.reportID) (\(pending.start)..\(pending.end))") }
        return parts.isEmpty ? "nothing pulled yet" : parts.joined(separator: ", ")
    }
}
