/// Money given back on an order.
package struct Refund: Sendable, Hashable, Codable {
    /// The id of a refund whose export does not number it (one refund per order row).
    package static let unnumbered = "total"

    package var key: OrderKey
    /// Identifies the refund within its order; sources without refund ids use `total`.
    package var refundID: String
    package var amount: Money
    /// When the refund was issued; nil when the export does not say (Shopify's CSV).
    package var refundedAt: Timestamp?
    package var lineage: Lineage

    package init(key: OrderKey, refundID: String, amount: Money, refundedAt: Timestamp?, lineage: Lineage) {
        self.key = key
        self.refundID = refundID
        self.amount = amount
        self.refundedAt = refundedAt
        self.lineage = lineage
    }
}
