/// An order as the selling platform knows it: one row per (platform, order id).
package struct Order: Sendable, Hashable, Codable {
    package var key: OrderKey
    package var shop: String
    package var purchasedAt: Timestamp
    package var paidAt: Timestamp?
    package var status: OrderStatus
    /// The status word exactly as the export wrote it.
    package var statusRaw: String
    package var currency: String
    /// Who bought, as a salted key (``CustomerSalt``): the same buyer gives the same key in every export
    /// read with the workspace's salt, and the e-mail or account it came from is never stored. Nil when the
    /// export names no buyer or the workspace has no salt.
    package var customer: String?
    /// The source's own "last updated" time; a newer version replaces an older one.
    package var version: Instant?
    package var lineage: Lineage

    package init(key: OrderKey, shop: String, purchasedAt: Timestamp, paidAt: Timestamp?, status: OrderStatus,
                statusRaw: String, currency: String, customer: String? = nil, version: Instant?, lineage: Lineage) {
        self.key = key
        self.shop = shop
        self.purchasedAt = purchasedAt
        self.paidAt = paidAt
        self.status = status
        self.statusRaw = statusRaw
        self.currency = currency
        self.customer = customer
        self.version = version
        self.lineage = lineage
    }

    package var isCancelled: Bool { status == .cancelled }
}
