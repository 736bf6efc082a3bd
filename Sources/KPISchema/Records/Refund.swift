/// Money given back on an order.
public struct Refund: Sendable, Hashable, Codable {
    public var key: OrderKey
    /// Identifies the refund within its order; sources without refund ids use `total`.
    public var refundID: String
    public var amount: Money
    /// When the refund was issued; nil when the export does not say (Shopify's CSV).
    public var refundedAt: Timestamp?
    public var lineage: Lineage

    public init(key: OrderKey, refundID: String, amount: Money, refundedAt: Timestamp?, lineage: Lineage) {
        self.key = key
        self.refundID = refundID
        self.amount = amount
        self.refundedAt = refundedAt
        self.lineage = lineage
    }
}
