/// How a source's orders name their copy in another sales channel: a TikTok Shop or Amazon order the
/// seller also writes into Shopify, with the marketplace's order id in a tag or note.
///
/// Declared in kpibridge.yaml as `same_order:`. The loader only records each order's link (`order_twins`);
/// which copy counts is the refresh's decision, from the rule's `counts_in`, so changing it needs no reload.
package struct SameOrderRule: Sendable, Hashable {
    /// The connector field whose text names the other copy (`tags`, `note`).
    package var field: String
    /// A regular expression with one capture group: the other channel's order id.
    package var pattern: String
    /// The channel (platform) the captured id belongs to.
    package var platform: String

    package init(field: String, pattern: String, platform: String) {
        self.field = field
        self.pattern = pattern
        self.platform = platform
    }
}
