/// The normalized life-cycle state of an order. Each connector maps its own status words to these.
package enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case pending, open, shipped, delivered, cancelled, other
}
