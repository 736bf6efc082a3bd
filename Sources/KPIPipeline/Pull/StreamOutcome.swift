import KPIPull
import KPISchema

/// What a run did with one API stream, for its summary.
package struct StreamOutcome: Sendable {
    package var stream: String
    package var api: String
    /// Pages, orders, reports: the puller's own lines.
    package var notes: [String] = []
    /// Why the pull failed or stopped early (the run exits 1); what it landed before still loads.
    package var failure: Bilingual?
    /// Files landed for the load.
    package var landed: [String] = []
    package var requests = 0
    package var retries = 0
    package var throttledSeconds = 0.0
    /// The state before the pull and the state saved after the load (nil: left as it was).
    package var before: StreamState
    package var saved: StreamState?

    package static func summary(_ state: StreamState) -> String { summary(state, .en) }

    package static func summary(_ state: StreamState, _ l: DisplayLanguage) -> String {
        var parts: [String] = []
        if let cursor = state.cursor { parts.append(l.pick("cursor \(cursor)", "游标 \(cursor)")) }
        if let next = state.nextDay { parts.append(l.pick("next day \(next)", "下一天 \(next)")) }
        if let pending = state.pendingReport {
            parts.append(l.pick("waiting for report \(pending.reportID) (\(pending.start)..\(pending.end))",
                                "等待报告 \(pending.reportID)（\(pending.start)..\(pending.end)）"))
        }
        return parts.isEmpty ? l.pick("nothing pulled yet", "尚未拉取") : parts.joined(separator: l.pick(", ", "，"))
    }
}
