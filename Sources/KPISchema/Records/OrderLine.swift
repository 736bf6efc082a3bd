/// One item line of an order.
public struct OrderLine: Sendable, Hashable, Codable {
    public var key: OrderKey
    /// Identifies the line within its order (usually the SKU; `SKU#2` for a repeated SKU).
    public var lineID: String
    public var sku: String
    public var quantity: Int
    /// Quantity × unit price, before tax and shipping.
    public var amount: Money
    public var tax: Money
    public var shipping: Money
    public var version: Instant?
    public var lineage: Lineage

    public init(key: OrderKey, lineID: String, sku: String, quantity: Int, amount: Money, tax: Money,
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
