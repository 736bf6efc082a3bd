/// `same_order:` on a source or stream: its orders may be copies of another channel's, named in a tag or
/// note — a TikTok Shop or Amazon order the seller's app also writes into Shopify.
///
/// `{field: tags, pattern: 'TikTok-(\d{18})', platform: tiktok, counts_in: tiktok}`. The loader only records
/// each order's link (`order_twins`); which copy counts is the refresh's decision, from `counts_in`, so
/// changing it needs no reload. `counts_in` has no default: whose sale it is, is the seller's call (a TikTok
/// order mirrored into Shopify is TikTok's; a Shopify order fulfilled through Amazon MCF is Shopify's).
package struct SameOrderRule: Sendable, Decodable, Hashable {
    /// The connector field whose text names the other copy (`tags`, `note`).
    package var field: String
    /// A regular expression with one capture group: the other channel's order id.
    package var pattern: String
    /// The channel (platform) the captured id belongs to.
    package var platform: String
    /// The channel whose copy counts: this source's own or `platform`.
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
}
