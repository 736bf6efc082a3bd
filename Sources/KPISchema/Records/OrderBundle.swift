/// One order with everything attached to it: the unit the metric pass streams over, so memory
/// holds one order at a time rather than the whole store.
package struct OrderBundle: Sendable {
    package var order: Order
    package var lines: [OrderLine]
    package var refunds: [Refund]
    /// At most one event per kind.
    package var events: [FulfillmentEventKind: FulfillmentEvent]
    /// Units the customer sent back.
    package var returns: [Return]

    package init(order: Order, lines: [OrderLine] = [], refunds: [Refund] = [],
                events: [FulfillmentEventKind: FulfillmentEvent] = [:], returns: [Return] = []) {
        self.order = order
        self.lines = lines
        self.refunds = refunds
        self.events = events
        self.returns = returns
    }
}
