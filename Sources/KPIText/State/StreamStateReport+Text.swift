import KPIPipeline
import KPIPull

extension StreamStateReport {
    package var text: String {
        guard !rows.isEmpty else { return "no streams: kpibridge.yaml has no `streams:` and the store has no stream state" }
        return rows.map { row in
            var line = "\(row.stream) [\(row.api ?? "not in kpibridge.yaml")]: "
            guard let stored = row.stored else { return line + "nothing pulled yet (starts from `start:`)" }
            let state = (try? StreamState(json: stored.state)).map(StreamOutcome.summary) ?? "unreadable state \(stored.state)"
            line += state + " · saved \(stored.updatedAt.iso8601)"
            line += stored.runID.map { " by run #\($0)" } ?? " while pulling (a report id, before any load)"
            return line
        }.joined(separator: "\n")
    }
}
