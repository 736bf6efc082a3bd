import KPIConnectors
import KPISchema

/// `same_order:` on a source: its orders may be copies of another channel's, named in a tag or note.
///
/// `{field: tags, pattern: 'TT-(\d+)', platform: tiktok, counts_in: tiktok}` — a Shopify order tagged
/// `TT-576…` is TikTok Shop order 576…, and counts once, in `counts_in`'s channel. `counts_in` has no
/// default: which channel the sale belongs to is the seller's decision (a TikTok order mirrored into
/// Shopify is TikTok's; a Shopify order fulfilled through Amazon MCF is Shopify's).
package struct SameOrderConfig: Sendable, Decodable, Hashable {
    package var field: String
    package var pattern: String
    package var platform: String
    package var countsIn: String

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case field, pattern, platform
        case countsIn = "counts_in"
    }

    package init(field: String, pattern: String, platform: String, countsIn: String) {
        self.field = field
        self.pattern = pattern
        self.platform = platform
        self.countsIn = countsIn
    }

    /// What the loader needs of the rule: which cell names the copy and whose id it is.
    package var rule: SameOrderRule { SameOrderRule(field: field, pattern: pattern, platform: platform) }

    /// What is wrong with the rule on a source whose orders are `own`'s, read by `spec`; nil when nothing.
    package func problem(own: String?, spec: CompiledSpec?) -> String? {
        guard let own else {
            return "`same_order` needs the source's own platform: set `platform:` (a source with `shop_from` cannot take it)"
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
}
