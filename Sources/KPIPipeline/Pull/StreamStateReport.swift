import KPIPull
import KPIStore
import KPIWorkspace

/// `kpibridge state show`: each configured or stored stream and where it stands.
public struct StreamStateReport: Sendable {
    public struct Row: Sendable {
        public var stream: String
        /// The stream's API, or nil when kpibridge.yaml no longer names it.
        public var api: String?
        public var stored: StoredStreamState?
    }

    public var rows: [Row]

    public var text: String {
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

extension Pipeline {
    /// The state of `stream`, or of every stream kpibridge.yaml names or the store remembers.
    public func streamStateReport(_ stream: String? = nil) throws(PipelineError) -> StreamStateReport {
        let stored = try streamStates()
        var names = (workspace.config.streams ?? []).map(\.stream)
        names += stored.map(\.stream).filter { !names.contains($0) }
        if let stream {
            guard names.contains(stream) else {
                throw .usage("no stream `\(stream)`" + (names.isEmpty ? "" : "; streams: \(names.joined(separator: ", "))"))
            }
            names = [stream]
        }
        return StreamStateReport(rows: names.map { name in
            StreamStateReport.Row(stream: name, api: workspace.config.streams?.first { $0.stream == name }?.api,
                                  stored: stored.first { $0.stream == name })
        })
    }
}
