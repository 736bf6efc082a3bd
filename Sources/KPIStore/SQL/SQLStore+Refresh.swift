import KPISchema

extension SQLStore {
    package func pendingRefresh() throws -> PendingRefresh {
        try read { session in
            var pending = PendingRefresh()
            if let state = try session.rows("SELECT basis, as_of FROM refresh_state WHERE id = 1", []).first {
                pending.basis = try state.text(0)
                pending.asOf = Instant(iso8601: try state.text(1))
            }
            pending.orders = try session.count("SELECT count(*) FROM refresh_pending_orders")
            func add(_ text: String) {
                if let day = CivilDate(iso: String(text.prefix(10))) { pending.days.insert(day) }
            }
            try session.forEach("SELECT day FROM refresh_pending_days") { add(try $0.text(0)) }
            guard pending.orders > 0 else { return pending }
            // A changed order counts wherever any of its records does: read every date it has now.
            let join = "JOIN refresh_pending_orders p ON p.platform = t.platform AND p.order_id = t.order_id"
            for (table, columns) in [("orders", ["purchased_at", "paid_at"]), ("fulfillment_events", ["occurred_at"]),
                                     ("refunds", ["refunded_at"]), ("returns", ["returned_at"])] {
                let select = columns.map { "t.\($0)" }.joined(separator: ", ")
                try session.forEach("SELECT \(select) FROM \(table) t \(join)") { row in
                    for value in row { if case .text(let text) = value { add(text) } }
                }
            }
            return pending
        }
    }

    package func completeRefresh(basis: String, asOf: Instant, runID: Int64) throws {
        try write { session in
            try session.execute("DELETE FROM refresh_pending_orders", [])
            try session.execute("DELETE FROM refresh_pending_days", [])
            try session.execute("""
                INSERT INTO refresh_state (id, basis, as_of, run_id) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET basis = excluded.basis, as_of = excluded.as_of, run_id = excluded.run_id
                """, [.text(basis), .text(asOf.iso8601), .integer(runID)])
        }
    }
}
