import KPISchema

extension SQLStore {
    /// Every link a `same_order:` rule recorded to another channel's order, with whether that order is stored.
    package func orderTwins() throws -> [OrderTwin] {
        try read { session in
            try session.rows("""
                SELECT t.platform, t.order_id, t.twin_platform, t.twin_order_id,
                    CASE WHEN o.order_id IS NULL THEN 0 ELSE 1 END
                FROM order_twins t
                LEFT JOIN orders o ON o.platform = t.twin_platform AND o.order_id = t.twin_order_id
                WHERE t.twin_order_id IS NOT NULL AND t.twin_order_id <> ''
                ORDER BY t.platform, t.order_id
                """, []).map { row in
                OrderTwin(order: OrderKey(platform: try row.text(0), orderID: try row.text(1)),
                          twin: OrderKey(platform: try row.text(2), orderID: try row.text(3)),
                          twinLoaded: try row.int(4) == 1)
            }
        }
    }

    /// The orders the last refresh left out as copies of another channel's sale (`same_order_skips`).
    package func sameOrderSkips() throws -> Set<OrderKey> {
        try read { session in
            Set(try session.rows("SELECT platform, order_id FROM same_order_skips", []).map { row in
                OrderKey(platform: try row.text(0), orderID: try row.text(1))
            })
        }
    }

    /// How many orders of `platform` the store holds.
    package func orderCount(platform: String) throws -> Int {
        try read { session in try session.count("SELECT count(*) FROM orders WHERE platform = ?", [.text(platform)]) }
    }

    /// Orders of `platform` (and `shop`, when given) read by `connector` that carry no `same_order` link
    /// row: loaded before the source declared its rule, so their tags were never read.
    package func ordersWithoutTwinRow(platform: String, connector: String, shop: String?) throws -> Int {
        try read { session in
            try session.count("""
                SELECT count(*) FROM orders o
                WHERE o.platform = ? AND o.connector = ?\(shop == nil ? "" : " AND o.shop = ?")
                  AND NOT EXISTS (SELECT 1 FROM order_twins t WHERE t.platform = o.platform AND t.order_id = o.order_id)
                """, [.text(platform), .text(connector)] + (shop.map { [.text($0)] } ?? []))
        }
    }

    /// Makes `same_order_skips` equal `skips` and marks every order whose counting changed (left out now
    /// and not before, or the reverse) for the coming refresh, so an incremental refresh recomputes the
    /// periods of a copy that arrived, a tag that was removed or a `counts_in` that changed. Returns how
    /// many orders changed.
    package func settleSameOrders(_ skips: [SameOrderSkip], runID: Int64) throws -> Int {
        try write { session in
            var stored: [OrderKey: OrderKey] = [:]
            try session.forEach("SELECT platform, order_id, twin_platform, twin_order_id FROM same_order_skips") { row in
                stored[OrderKey(platform: try row.text(0), orderID: try row.text(1))] =
                    OrderKey(platform: try row.text(2), orderID: try row.text(3))
            }
            // One skip per order: `SameOrders` leaves each order out at most once.
            let wanted = Dictionary(skips.map { ($0.order, $0.countedAs) }, uniquingKeysWith: { first, _ in first })
            var changed: Set<OrderKey> = []
            for (order, twin) in stored where wanted[order] != twin { changed.insert(order); changed.insert(twin) }
            for (order, twin) in wanted where stored[order] != twin { changed.insert(order); changed.insert(twin) }
            guard !changed.isEmpty else { return 0 }
            let pending = try session.writer(PendingChangeWriter.orders)
            for key in changed.sorted() {
                try pending.append([.text(key.platform), .text(key.orderID)])
            }
            try pending.finish()
            _ = try session.execute("DELETE FROM same_order_skips", [])
            let writer = try session.writer(UpsertStatement(
                insertInto: "same_order_skips", columns: ["platform", "order_id", "twin_platform", "twin_order_id", "run_id"]))
            for (order, twin) in wanted.sorted(by: { $0.key < $1.key }) {
                try writer.append([.text(order.platform), .text(order.orderID), .text(twin.platform), .text(twin.orderID),
                                   .integer(runID)])
            }
            try writer.finish()
            return changed.count
        }
    }
}
