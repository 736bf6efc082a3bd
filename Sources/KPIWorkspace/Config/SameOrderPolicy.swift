import KPIConnectors
import KPIPull
import KPISchema

/// The workspace's `same_order:` rules, of sources and streams, as the refresh applies them: per pair of
/// channels, which copy counts.
package struct SameOrderPolicy: Sendable {
    /// One source's or stream's rule.
    package struct Rule: Sendable, Hashable {
        /// The source's own channel, whose orders carry the tag or note.
        package var own: String
        /// The channel the tag or note names.
        package var other: String
        package var countsIn: String
        package var connector: String
        /// The shop the source files its orders under, when it says.
        package var shop: String?
        /// The source's files or the stream's name, for messages.
        package var files: String
    }

    package let rules: [Rule]

    /// The rules of `sources` and `streams` that know their own platform (the workspace refused the others).
    package init(_ sources: [SourceConfig], streams: [StreamSettings], catalog: ConnectorCatalog) {
        rules = Self.declarations(sources, streams: streams, catalog: catalog).compactMap { declared in
            guard let own = declared.own, let connector = declared.connector else { return nil }
            return Rule(own: own, other: declared.rule.platform, countsIn: declared.rule.countsIn, connector: connector,
                        shop: declared.shop, files: declared.files)
        }
    }

    /// The channel whose copy counts when `a` and `b` hold the same order; nil when no rule says.
    package func countsIn(_ a: String, _ b: String) -> String? {
        rules.first { Set([$0.own, $0.other]) == Set([a, b]) }?.countsIn
    }
}

extension Workspace {
    /// The `same_order:` rules of the workspace's sources and streams.
    package var sameOrderPolicy: SameOrderPolicy {
        SameOrderPolicy(config.sources, streams: config.streams ?? [], catalog: catalog)
    }
}
