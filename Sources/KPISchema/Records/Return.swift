/// Units a customer sent back.
public struct Return: Sendable, Hashable, Codable {
    public var key: OrderKey
    /// Identifies the return within its order (license plate, RMA or date + SKU).
    public var returnID: String
    public var sku: String
    public var quantity: Int
    public var returnedAt: Timestamp
    public var reason: String?
    public var lineage: Lineage

    public init(key: OrderKey, returnID: String, sku: String, quantity: Int, returnedAt: Timestamp,
                reason: String?, lineage: Lineage) {
        self.key = key
        self.returnID = returnID
        self.sku = sku
        self.quantity = quantity
        self.returnedAt = returnedAt
        self.reason = reason
        self.lineage = lineage
    }
}
