import KPIPipeline
import KPISchema

extension RunHistory {
    /// One JSON object for monitoring: the store, the run holding it (or null), the latest runs newest first.
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
        return "{\"store\":\(JSONText.quoted(store)),\"running\":\(held),\"runs\":[" + items.joined(separator: ",")
            + "],\"unlinked_tracking_numbers\":\(unlinkedTracking)}"
    }
}
