import KPIConnectors
import KPIPull
import KPISchema

extension SameOrderPolicy {
    /// One `same_order:` as written on a source or a stream, with what both the workspace's check and the
    /// refresh read of it: the connector's spec and the channel the rule's orders belong to.
    package struct Declaration {
        package var rule: SameOrderRule
        package var connector: String?
        package var spec: CompiledSpec?
        /// The orders' own channel; nil when rows name their own (see ``SameOrderRule/ownPlatform(platform:routed:spec:)``).
        package var own: String?
        package var shop: String?
        /// The source's files, or `stream NAME`.
        package var files: String
        /// `source `FILES`` or `stream `NAME``, for messages (in both languages: the workspace's check quotes it).
        package var name: Bilingual
    }

    /// Every `same_order:` of `sources` and `streams`, in kpibridge.yaml's order.
    package static func declarations(_ sources: [SourceConfig], streams: [StreamSettings],
                                     catalog: ConnectorCatalog) -> [Declaration] {
        func declaration(_ rule: SameOrderRule, connector: String?, platform: String?, routed: Bool, shop: String?,
                         files: String, name: Bilingual) -> Declaration {
            let spec = connector.flatMap { (try? catalog.connector($0) as? SpecConnector)?.compiled }
            return Declaration(rule: rule, connector: connector, spec: spec,
                               own: SameOrderRule.ownPlatform(platform: platform, routed: routed, spec: spec),
                               shop: shop, files: files, name: name)
        }
        return sources.compactMap { source in
            source.sameOrder.map { declaration($0, connector: source.connector, platform: source.platform, routed: source.shopFrom != nil,
                                               shop: source.shop, files: source.files,
                                               name: Bilingual("source `\(source.files)`", "数据源 `\(source.files)`")) }
        } + streams.compactMap { stream in
            stream.sameOrder.map { declaration($0, connector: stream.connector ?? PullerCatalog.defaultConnector(stream.api),
                                               platform: stream.platform, routed: false, shop: stream.shop,
                                               files: "stream \(stream.stream)",
                                               name: Bilingual("stream `\(stream.stream)`", "数据流 `\(stream.stream)`")) }
        }
    }
}
