/// An order as the selling platform knows it: one row per (platform, order id).
public struct Order: Sendable, Hashable, Codable {
    public var key: OrderKey
    public var shop: String
    public var purchasedAt: Timestamp
    public var paidAt: Timestamp?
    public var status: OrderStatus
    /// The status word exactly as the export wrote it.
    public var statusRaw: String
    public var currency: String
    /// The source's own "last updated" time; a newer version replaces an older one.
    public var version: Instant?
    public var lineage: Lineage

    public init(key: OrderKey, shop: String, purchasedAt: Timestamp, paidAt: Timestamp?, status: OrderStatus,
                statusRaw: String, currency: String, version: Instant?, lineage: Lineage) {
        self.key = key
        self.shop = shop
        self.purchasedAt = purchasedAt
        self.paidAt = paidAt
        self.status = status
        self.statusRaw = statusRaw
        self.currency = currency
        self.version = version
        self.lineage = lineage
    }

    public var isCancelled: Bool { status == .cancelled }
}
