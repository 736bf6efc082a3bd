/// The normalized life-cycle state of an order. Each connector maps its own status words to these.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case pending, open, shipped, delivered, cancelled, other
}
