/// One order with everything attached to it: the unit the metric pass streams over, so memory
/// holds one order at a time rather than the whole store.
public struct OrderBundle: Sendable {
    public var order: Order
    public var lines: [OrderLine]
    public var refunds: [Refund]
    /// At most one event per kind.
    public var events: [FulfillmentEventKind: FulfillmentEvent]

    public init(order: Order, lines: [OrderLine] = [], refunds: [Refund] = [],
                events: [FulfillmentEventKind: FulfillmentEvent] = [:]) {
        self.order = order
        self.lines = lines
        self.refunds = refunds
        self.events = events
    }
}
