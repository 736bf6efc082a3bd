/// Every normalized order-side record in the store, as metrics read them.
public struct RecordSet: Sendable {
    public var orders: [Order]
    public var lines: [OrderLine]
    public var events: [FulfillmentEvent]
    public var refunds: [Refund]
    public var returns: [Return]

    public init(orders: [Order] = [], lines: [OrderLine] = [], events: [FulfillmentEvent] = [],
                refunds: [Refund] = [], returns: [Return] = []) {
        self.orders = orders
        self.lines = lines
        self.events = events
        self.refunds = refunds
        self.returns = returns
    }
}
