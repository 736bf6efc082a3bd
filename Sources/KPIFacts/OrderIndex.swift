import KPISchema

/// Orders with their lines, refunds and fulfillment events gathered, in key order.
struct OrderIndex {
    struct Entry {
        var order: Order
        var lines: [OrderLine] = []
        var refunds: [Refund] = []
        var events: [FulfillmentEventKind: FulfillmentEvent] = [:]
    }

    private(set) var entries: [Entry] = []
    private(set) var orphanEvents = 0
    private(set) var orphanRefunds = 0

    init(_ records: RecordSet) {
        var position: [OrderKey: Int] = [:]
        for order in records.orders.sorted(by: { $0.key < $1.key }) {
            position[order.key] = entries.count
            entries.append(Entry(order: order))
        }
        for line in records.lines {
            if let i = position[line.key] { entries[i].lines.append(line) }
        }
        for refund in records.refunds {
            if let i = position[refund.key] { entries[i].refunds.append(refund) } else { orphanRefunds += 1 }
        }
        for event in records.events {
            guard let i = position[event.key] else { orphanEvents += 1; continue }
            // Several sources may report the same milestone; the earliest is when it happened.
            if let existing = entries[i].events[event.kind], existing.occurredAt.instant <= event.occurredAt.instant { continue }
            entries[i].events[event.kind] = event
        }
    }
}
