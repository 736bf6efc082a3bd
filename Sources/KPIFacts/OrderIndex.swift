import KPISchema

/// Groups an in-memory record set into order bundles, in key order (tests and small previews;
/// the store streams bundles itself).
struct OrderIndex {
    private(set) var bundles: [OrderBundle] = []
    private(set) var orphanEvents = 0
    private(set) var orphanRefunds = 0

    init(_ records: RecordSet) {
        var position: [OrderKey: Int] = [:]
        for order in records.orders.sorted(by: { $0.key < $1.key }) {
            position[order.key] = bundles.count
            bundles.append(OrderBundle(order: order))
        }
        for line in records.lines {
            if let i = position[line.key] { bundles[i].lines.append(line) }
        }
        for refund in records.refunds {
            if let i = position[refund.key] { bundles[i].refunds.append(refund) } else { orphanRefunds += 1 }
        }
        for item in records.returns {
            if let i = position[item.key] { bundles[i].returns.append(item) }
        }
        for event in records.events {
            guard let i = position[event.key] else { orphanEvents += 1; continue }
            // Several sources may report the same milestone; the earliest is when it happened.
            if let existing = bundles[i].events[event.kind], existing.occurredAt.instant <= event.occurredAt.instant { continue }
            bundles[i].events[event.kind] = event
        }
    }
}
