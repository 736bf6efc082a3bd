import KPIPull
import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge state show`: each configured or stored stream and where it stands.
package struct StreamStateReport: Sendable {
    package struct Row: Sendable {
        package var stream: String
        /// The stream's API, or nil when kpibridge.yaml no longer names it.
        package var api: String?
        package var stored: StoredStreamState?
    }

    package var rows: [Row]

}

extension Pipeline {
    /// The state of `stream`, or of every stream kpibridge.yaml names or the store remembers.
    package func streamStateReport(_ stream: String? = nil) throws(PipelineError) -> StreamStateReport {
        let stored = try streamStates()
        var names = (workspace.config.streams ?? []).map(\.stream)
        names += stored.map(\.stream).filter { !names.contains($0) }
        if let stream {
            guard names.contains(stream) else {
                throw .usage(Bilingual("no stream `\(stream)`", "没有数据流 `\(stream)`")
                             + (names.isEmpty ? Bilingual.empty : Bilingual("; streams: \(names.joined(separator: ", "))", "；已有数据流：\(names.joined(separator: ", "))")))
            }
            names = [stream]
        }
        return StreamStateReport(rows: names.map { name in
            StreamStateReport.Row(stream: name, api: workspace.config.streams?.first { $0.stream == name }?.api,
                                  stored: stored.first { $0.stream == name })
        })
    }
}
