import KPISchema

extension SQLStore {
    /// The tables whose rows are dated events, each with the column that dates a row: what "data through"
    /// reads. Reference data that holds from a date on (roster, unit costs, links, ratings per period) is
    /// not an event and says nothing about how current a source is, nor is a contract's due date.
    static var recordTimes: [(table: String, column: String)] {
        let flat = FlatKind.allCases.compactMap { kind -> (String, String)? in
            guard ![.roster, .skuCost, .orderTwin, .trackingLink, .manualRating, .contract].contains(kind) else { return nil }
            let fields = Set(kind.schema.fields.filter { $0.type == .date || $0.type == .datetime }.map(\.name))
            let column = ["period_end", "date", "snapshot_date", "occurred_at", "posted_at", "created_at", "due_at"]
                .first(where: fields.contains)
            return column.map { (kind.schema.table, $0) }
        }
        return [("orders", "purchased_at"), ("fulfillment_events", "occurred_at"), ("refunds", "refunded_at"),
                ("returns", "returned_at")] + flat
    }

    package func latestRecordTimes() throws -> [String: [String]] {
        try read { session in
            var latest: [String: [String]] = [:]
            for (table, column) in Self.recordTimes {
                let sql = "SELECT connector, MAX(\(StoreTable.quote(column))) FROM \(StoreTable.quote(table)) "
                    + "WHERE \(StoreTable.quote(column)) IS NOT NULL GROUP BY connector"
                for row in try session.rows(sql, []) {
                    latest[try row.text(0), default: []].append(try row.text(1))
                }
            }
            return latest
        }
    }
}
