import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge state show|reset`: where each stream stands, and forgetting it.
extension Pipeline {
    /// Each stream's saved state, for `kpibridge state show`.
    package func streamStates() throws(PipelineError) -> [StoredStreamState] {
        try storeCall { try store.streamStates() }
    }

    /// Forgets a stream's state; its next pull starts from its `start:` again (records already loaded
    /// are replaced, never counted twice).
    package func resetStream(_ name: String) throws(PipelineError) -> Bool {
        let stored = try storeCall { try store.streamStates() }
        guard (workspace.config.streams ?? []).contains(where: { $0.stream == name }) || stored.contains(where: { $0.stream == name }) else {
            let known = (workspace.config.streams ?? []).map(\.stream)
            throw .usage(Bilingual("no stream `\(name)`", "没有数据流 `\(name)`")
                         + (known.isEmpty ? Bilingual("; kpibridge.yaml has no `streams:`", "；kpibridge.yaml 中没有 `streams:`")
                            : Bilingual("; streams: \(known.joined(separator: ", "))", "；已有数据流：\(known.joined(separator: ", "))")))
        }
        let claim = try claim("state reset \(name)")
        defer { withExtendedLifetime(claim.lease) {} }
        return try storeCall { try store.deleteStreamState(name) }
    }
}
