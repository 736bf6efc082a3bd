/// The identity of an order across every source: the selling platform and its order id.
///
/// Marketplace exports, ERPs and warehouses all name the marketplace's own order id, so keying on it
/// lets an ERP shipment row attach to the order Amazon or Shopify reported.
package struct OrderKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var platform: String
    package var orderID: String

    package init(platform: String, orderID: String) {
        self.platform = platform
        self.orderID = orderID
    }

    package static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
        (lhs.platform, lhs.orderID) < (rhs.platform, rhs.orderID)
    }

    package var description: String { "\(platform):\(orderID)" }
}
