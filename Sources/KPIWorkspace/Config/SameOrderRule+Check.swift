import KPIConnectors
import KPISchema

extension SameOrderRule {
    /// What is wrong with the rule on a source or stream whose orders are `own`'s, read by `spec`; nil when nothing.
    /// In both languages: the workspace's check puts it in a ``PipelineError``.
    package func problem(own: String?, spec: CompiledSpec?) -> Bilingual? {
        guard let own else {
            return Bilingual(
                "`same_order` needs the source's own platform: set `platform:` (a source with `shop_from`, or a connector "
                    + "whose rows name their platform, cannot take it)",
                "`same_order` 需要数据源自己的平台：请设置 `platform:`（带 `shop_from` 的数据源，或各行自带平台的连接器，"
                    + "不能使用它）")
        }
        guard ShopRef(parsing: "\(platform):x") != nil else {
            return Bilingual("`same_order.platform` is `\(platform)`; expected a platform in lowercase, like tiktok",
                             "`same_order.platform` 是 `\(platform)`；应为小写的平台名，如 `tiktok`")
        }
        guard platform != own else {
            return Bilingual("`same_order.platform` is the source's own (\(own)); name the other channel",
                             "`same_order.platform` 是数据源自己的平台（\(own)）；请写另一个渠道")
        }
        guard countsIn == own || countsIn == platform else {
            return Bilingual("`same_order.counts_in` is `\(countsIn)`; expected \(own) or \(platform), the channel whose copy counts",
                             "`same_order.counts_in` 是 `\(countsIn)`；应为 \(own) 或 \(platform)，即以哪个渠道的那份订单为准")
        }
        guard SameOrderMatcher(pattern: pattern) != nil else {
            return Bilingual(
                "`same_order.pattern` `\(pattern)` is not a regular expression with one capture group (the other channel's order id)",
                "`same_order.pattern` `\(pattern)` 不是带一个捕获组（另一渠道的订单号）的正则表达式")
        }
        guard let spec else { return nil }
        guard spec.readsOrders else {
            return Bilingual("`same_order` needs orders, and `\(spec.id)` reads none", "`same_order` 需要订单，而 `\(spec.id)` 不读订单")
        }
        guard spec.columnFields.contains(field) else {
            let fields = spec.columnFields.filter { ["tags", "note", "notes", "remark", "memo"].contains($0) }.map { "`\($0)`" }
            return Bilingual("`same_order.field` is `\(field)`, which `\(spec.id)` does not read",
                             "`same_order.field` 是 `\(field)`，而 `\(spec.id)` 不读这个字段")
                + (fields.isEmpty ? .empty : Bilingual("; it reads \(fields.joined(separator: ", "))", "；它读的是 \(fields.joined(separator: "、"))"))
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
