/// Normalized records held in memory, as metrics read them (tests and small previews; a run streams
/// them from the store).
public struct RecordSet: Sendable {
    public var orders: [Order]
    public var lines: [OrderLine]
    public var events: [FulfillmentEvent]
    public var refunds: [Refund]
    public var returns: [Return]
    /// Plain-data records (tickets, inventory snapshots…).
    public var flat: [FlatRecord]

    public init(orders: [Order] = [], lines: [OrderLine] = [], events: [FulfillmentEvent] = [],
                refunds: [Refund] = [], returns: [Return] = [], flat: [FlatRecord] = []) {
        self.orders = orders
        self.lines = lines
        self.events = events
        self.refunds = refunds
        self.returns = returns
        self.flat = flat
    }
}
