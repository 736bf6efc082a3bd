/// One item line of an order.
package struct OrderLine: Sendable, Hashable, Codable {
    package var key: OrderKey
    /// Identifies the line within its order (usually the SKU; `SKU#2` for a repeated SKU).
    package var lineID: String
    package var sku: String
    package var quantity: Int
    /// Quantity × unit price, before tax and shipping.
    package var amount: Money
    package var tax: Money
    package var shipping: Money
    package var version: Instant?
    package var lineage: Lineage

    package init(key: OrderKey, lineID: String, sku: String, quantity: Int, amount: Money, tax: Money,
                shipping: Money, version: Instant?, lineage: Lineage) {
        self.key = key
        self.lineID = lineID
        self.sku = sku
        self.quantity = quantity
        self.amount = amount
        self.tax = tax
        self.shipping = shipping
        self.version = version
        self.lineage = lineage
    }
}
