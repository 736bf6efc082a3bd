import KPIConnectors
import KPISchema

extension SameOrderRule {
    /// What is wrong with the rule on a source or stream whose orders are `own`'s, read by `spec`; nil when nothing.
    package func problem(own: String?, spec: CompiledSpec?) -> String? {
        guard let own else {
            return "`same_order` needs the source's own platform: set `platform:` (a source with `shop_from`, or a connector "
                + "whose rows name their platform, cannot take it)"
        }
        guard ShopRef(parsing: "\(platform):x") != nil else {
            return "`same_order.platform` is `\(platform)`; expected a platform in lowercase, like tiktok"
        }
        guard platform != own else { return "`same_order.platform` is the source's own (\(own)); name the other channel" }
        guard countsIn == own || countsIn == platform else {
            return "`same_order.counts_in` is `\(countsIn)`; expected \(own) or \(platform), the channel whose copy counts"
        }
        guard SameOrderMatcher(pattern: pattern) != nil else {
            return "`same_order.pattern` `\(pattern)` is not a regular expression with one capture group (the other channel's order id)"
        }
        guard let spec else { return nil }
        guard spec.readsOrders else { return "`same_order` needs orders, and `\(spec.id)` reads none" }
        guard spec.columnFields.contains(field) else {
            let fields = spec.columnFields.filter { ["tags", "note", "notes", "remark", "memo"].contains($0) }
            return "`same_order.field` is `\(field)`, which `\(spec.id)` does not read"
                + (fields.isEmpty ? "" : "; it reads \(fields.map { "`\($0)`" }.joined(separator: ", "))")
        }
        return nil
    }

    /// The channel whose orders a source or stream with this rule loads: its `platform:` or the connector's
    /// one marketplace, lowercased as order keys are — nil when rows name their own (`shop_from`, a
    /// platform column), where one rule cannot say which side of a pair a row is on.
    package static func ownPlatform(platform: String?, routed: Bool, spec: CompiledSpec?) -> String? {
        guard !routed, !(spec?.readsPlatform ?? false) else { return nil }
        return (platform ?? spec?.fixedPlatform)?.lowercased()
    }
}
