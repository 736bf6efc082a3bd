import KPISchema

extension SQLStore {
    package func forEachOrder(within scope: RecomputeScope?, _ body: (OrderBundle) throws -> Void) throws {
        // Within a scope: the orders with any date in its window, chosen once per stream by the database
        // so rows outside it are never decoded.
        let filter = scope.map { scope in """
             WHERE (platform, order_id) IN (
                SELECT platform, order_id FROM orders WHERE \(scope.sqlCondition(["purchased_at", "paid_at"]))
                UNION SELECT platform, order_id FROM fulfillment_events WHERE \(scope.sqlCondition(["occurred_at"]))
                UNION SELECT platform, order_id FROM refunds WHERE \(scope.sqlCondition(["refunded_at"]))
                UNION SELECT platform, order_id FROM returns WHERE \(scope.sqlCondition(["returned_at"])))
            """ } ?? ""
        try read { session in
            // Four streams in (platform, order_id) order merged here: sequential scans instead of three
            // lookups per order, which matters most over a network. Text keys compare as bytes on both
            // databases (SQLite's BINARY collation; `COLLATE "C"` columns in PostgreSQL).
            let orders = try session.cursor("""
                SELECT platform, order_id, shop, purchased_at, purchased_zone, paid_at, paid_zone, status, status_raw,
                    currency, version, connector, source_file, source_line, content_hash, run_id, customer_key
                FROM orders\(filter) ORDER BY platform, order_id
                """)
            var lines = try ChildStream(session.cursor("""
                SELECT platform, order_id, line_id, sku, quantity, amount, tax, shipping, currency, version,
                    connector, source_file, source_line, content_hash, run_id
                FROM order_lines\(filter) ORDER BY platform, order_id, line_id
                """))
            var refunds = try ChildStream(session.cursor("""
                SELECT platform, order_id, refund_id, amount, currency, refunded_at, refunded_zone,
                    connector, source_file, source_line, content_hash, run_id
                FROM refunds\(filter) ORDER BY platform, order_id, refund_id
                """))
            var events = try ChildStream(session.cursor("""
                SELECT platform, order_id, kind, occurred_at, occurred_zone, tracking_number, authority_rank,
                    connector, source_file, source_line, content_hash, run_id
                FROM fulfillment_events\(filter) ORDER BY platform, order_id, kind
                """))
            var returns = try ChildStream(session.cursor("""
                SELECT platform, order_id, return_id, sku, quantity, returned_at, returned_zone, reason,
                    connector, source_file, source_line, content_hash, run_id
                FROM returns\(filter) ORDER BY platform, order_id, return_id
                """))
            while let row = try orders.next() {
                let key = OrderKey(platform: try row.text(0), orderID: try row.text(1))
                var bundle = OrderBundle(order: Order(
                    key: key, shop: try row.text(2), purchasedAt: try row.timestamp(3)!, paidAt: try row.timestamp(5),
                    status: OrderStatus(rawValue: try row.text(7)) ?? .other, statusRaw: try row.text(8),
                    currency: try row.text(9), customer: try row.optionalText(16), version: try row.instant(10),
                    lineage: try row.lineage(from: 11)))
                for row in try lines.rows(of: key) {
                    let currency = try row.text(8)
                    bundle.lines.append(OrderLine(
                        key: key, lineID: try row.text(2), sku: try row.text(3), quantity: try row.int(4),
                        amount: Money(try row.decimal(5), currency), tax: Money(try row.decimal(6), currency),
                        shipping: Money(try row.decimal(7), currency), version: try row.instant(9),
                        lineage: try row.lineage(from: 10)))
                }
                for row in try refunds.rows(of: key) {
                    bundle.refunds.append(Refund(
                        key: key, refundID: try row.text(2), amount: Money(try row.decimal(3), try row.text(4)),
                        refundedAt: try row.timestamp(5), lineage: try row.lineage(from: 7)))
                }
                for row in try events.rows(of: key) {
                    guard let kind = FulfillmentEventKind(rawValue: try row.text(2)) else { continue }
                    bundle.events[kind] = FulfillmentEvent(
                        key: key, kind: kind, occurredAt: try row.timestamp(3)!, trackingNumber: try row.optionalText(5),
                        authority: try row.optionalInt64(6).flatMap { EventAuthority(rank: Int($0)) } ?? .storefront,
                        lineage: try row.lineage(from: 7))
                }
                for row in try returns.rows(of: key) {
                    bundle.returns.append(Return(
                        key: key, returnID: try row.text(2), sku: try row.text(3), quantity: try row.int(4),
                        returnedAt: try row.timestamp(5)!, reason: try row.optionalText(7), lineage: try row.lineage(from: 8)))
                }
                try body(bundle)
            }
        }
    }

    package func orphanCounts() throws -> (events: Int, refunds: Int) {
        try read { session in
            let orphan = "NOT EXISTS (SELECT 1 FROM orders o WHERE o.platform = t.platform AND o.order_id = t.order_id)"
            return (try session.count("SELECT count(*) FROM fulfillment_events t WHERE \(orphan)"),
                    try session.count("SELECT count(*) FROM refunds t WHERE \(orphan)"))
        }
    }

    package func customerKeyTags() throws -> Set<String> {
        try read { session in
            Set(try session.rows("SELECT DISTINCT substr(customer_key, 1, 8) FROM orders WHERE customer_key IS NOT NULL", [])
                .map { try $0.text(0) })
        }
    }

    package func firstPurchase() throws -> Instant? {
        try read { session in
            try session.rows("SELECT min(purchased_at) FROM orders", []).first?.instant(0)
        }
    }

    package func hasCustomerKeys() throws -> Bool {
        try read { session in
            try session.count("SELECT count(*) FROM (SELECT 1 FROM orders WHERE customer_key IS NOT NULL LIMIT 1) AS keyed") > 0
        }
    }
}

/// A child table's rows (platform and order id first), read alongside the orders in the same key order.
/// Rows of orders not in `orders` (orphans) are passed over.
private struct ChildStream {
    let cursor: any SQLCursor
    private var pending: [TableValue]?
    private var done = false

    init(_ cursor: any SQLCursor) {
        self.cursor = cursor
    }

    /// The rows belonging to `key`, skipping any for keys before it.
    mutating func rows(of key: OrderKey) throws -> [[TableValue]] {
        var out: [[TableValue]] = []
        while let row = try peek() {
            let platform = try row.text(0), orderID = try row.text(1)
            if platform == key.platform && orderID == key.orderID {
                out.append(row)
            } else if Self.precedes((platform, orderID), (key.platform, key.orderID)) {
                // an orphan: its order is not stored
            } else {
                break
            }
            pending = nil
        }
        return out
    }

    private mutating func peek() throws -> [TableValue]? {
        if pending == nil && !done {
            pending = try cursor.next()
            done = pending == nil
        }
        return pending
    }

    /// Byte order, as the databases sort.
    private static func precedes(_ a: (String, String), _ b: (String, String)) -> Bool {
        if a.0 != b.0 { return a.0.utf8.lexicographicallyPrecedes(b.0.utf8) }
        return a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
    }
}
