/// Normalized records held in memory, as metrics read them (tests and small previews; a run streams
/// them from the store).
package struct RecordSet: Sendable {
    package var orders: [Order]
    package var lines: [OrderLine]
    package var events: [FulfillmentEvent]
    package var refunds: [Refund]
    package var returns: [Return]
    /// Plain-data records (tickets, inventory snapshots…).
    package var flat: [FlatRecord]

    package init(orders: [Order] = [], lines: [OrderLine] = [], events: [FulfillmentEvent] = [],
                refunds: [Refund] = [], returns: [Return] = [], flat: [FlatRecord] = []) {
        self.orders = orders
        self.lines = lines
        self.events = events
        self.refunds = refunds
        self.returns = returns
        self.flat = flat
    }
}
