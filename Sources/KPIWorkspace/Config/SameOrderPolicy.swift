import KPIConnectors

/// The workspace's `same_order:` rules as the refresh applies them: per pair of channels, which copy counts.
package struct SameOrderPolicy: Sendable {
    /// One source's rule.
    package struct Rule: Sendable, Hashable {
        /// The source's own channel, whose orders carry the tag or note.
        package var own: String
        /// The channel the tag or note names.
        package var other: String
        package var countsIn: String
        package var connector: String
        package var files: String
    }

    package let rules: [Rule]

    /// The rules of `sources` that name their own platform (the workspace refused those that do not).
    package init(_ sources: [SourceConfig], catalog: ConnectorCatalog) {
        rules = sources.compactMap { source in
            guard let sameOrder = source.sameOrder, source.shopFrom == nil else { return nil }
            let spec = (try? catalog.connector(source.connector) as? SpecConnector)?.compiled
            guard let own = source.platform ?? spec?.fixedPlatform else { return nil }
            return Rule(own: own, other: sameOrder.platform, countsIn: sameOrder.countsIn, connector: source.connector,
                        files: source.files)
        }
    }

    /// The channel whose copy counts when `a` and `b` hold the same order; nil when no rule says.
    package func countsIn(_ a: String, _ b: String) -> String? {
        rules.first { Set([$0.own, $0.other]) == Set([a, b]) }?.countsIn
    }
}

extension Workspace {
    /// The `same_order:` rules of the workspace's sources.
    package var sameOrderPolicy: SameOrderPolicy { SameOrderPolicy(config.sources, catalog: catalog) }
}
