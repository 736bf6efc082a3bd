import KPIPipeline
import KPISchema

extension RunHistory {
    /// One JSON object for monitoring: the store, the run holding it (or null), the latest runs newest first,
    /// the closed periods and how many of their facts are restated.
    package var json: String {
        func text(_ value: String?) -> String { value.map(JSONText.quoted) ?? "null" }
        let held = holder.map { holder in
            "{\"pid\":\(holder.pid),\"host\":\(JSONText.quoted(holder.host)),\"command\":\(JSONText.quoted(holder.command)),"
                + "\"since\":\(JSONText.quoted(holder.since.iso8601))}"
        } ?? "null"
        let items = runs.map { run -> String in
            let message = text(run.message?.en)
            return "{\"id\":\(run.id),\"command\":\(JSONText.quoted(run.command)),\"started_at\":\(JSONText.quoted(run.startedAt)),"
                + "\"finished_at\":\(text(run.finishedAt)),\"seconds\":\(run.seconds.map(String.init) ?? "null"),"
                + "\"status\":\(JSONText.quoted(run.status)),\"exit_code\":\(run.exitCode.map(String.init) ?? "null"),"
                + "\"files_read\":\(run.filesRead),\"files_skipped\":\(run.filesSkipped),\"rows_loaded\":\(run.rowsLoaded),"
                + "\"rows_quarantined\":\(run.rowsQuarantined),\"message\":\(message)}"
        }
        let closed = closes.map { close in
            "{\"grain\":\(JSONText.quoted(close.period.grain.rawValue)),\"period_start\":\(JSONText.quoted(close.period.start.description)),"
                + "\"period_end\":\(JSONText.quoted(close.period.end.description)),\"closed_at\":\(JSONText.quoted(close.closedAt.iso8601)),"
                + "\"closed_by\":\(JSONText.quoted(close.closedBy)),\"run\":\(close.runID)}"
        }
        return "{\"store\":\(JSONText.quoted(store)),\"running\":\(held),\"runs\":[" + items.joined(separator: ",")
            + "],\"unlinked_tracking_numbers\":\(unlinkedTracking),\"closed_periods\":[" + closed.joined(separator: ",")
            + "],\"restatements\":\(restatements)}"
    }
}
