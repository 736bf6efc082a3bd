/// Units a customer sent back.
package struct Return: Sendable, Hashable, Codable {
    package var key: OrderKey
    /// Identifies the return within its order (license plate, RMA or date + SKU).
    package var returnID: String
    package var sku: String
    package var quantity: Int
    package var returnedAt: Timestamp
    package var reason: String?
    package var lineage: Lineage

    package init(key: OrderKey, returnID: String, sku: String, quantity: Int, returnedAt: Timestamp,
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
