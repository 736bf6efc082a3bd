import KPISchema

extension SQLStore {
    /// Attaches carrier scans known only by tracking number (`tracking_events`) to the orders that records
    /// with an order id link to that number (`tracking_links`: a label, an outbound, a shipment, an ERP
    /// line), as carrier-authority fulfillment events — written like a loaded file's, so the next
    /// refresh recomputes the orders they change.
    ///
    /// Computed from the whole store each time, not from this run's files: scans and links arrive in
    /// either order and in different runs, and a run killed before this step leaves the next one to do
    /// it. Per order and kind the earliest scan of any of its parcels is the event; the query returns the
    /// candidates in a fixed order and the first per order and kind wins, so equal times cannot alternate.
    package func attachTrackingEvents(runID: Int64) throws -> TrackingAttachment {
        let kinds = FulfillmentEventKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try write { session in
            // Most stores never hold a tracker feed: nothing to join, count or scan.
            guard try session.count("SELECT count(*) FROM (SELECT 1 FROM tracking_events LIMIT 1) any_scan") > 0 else {
                return TrackingAttachment()
            }
            let rows = try session.rows("""
                WITH links AS (SELECT tracking_number, platform, order_id FROM tracking_links),
                firsts AS (
                    SELECT l.platform, l.order_id, t.event, min(t.occurred_at) AS occurred_at
                    FROM tracking_events t JOIN links l ON l.tracking_number = t.tracking_number
                    WHERE t.event IN (\(kinds))
                    GROUP BY l.platform, l.order_id, t.event)
                SELECT f.platform, f.order_id, f.event, t.occurred_at, t.occurred_at_zone, t.tracking_number,
                    t.connector, t.source_file, t.source_line, t.content_hash,
                    e.occurred_at, e.connector, e.tracking_number
                FROM firsts f
                JOIN links l ON l.platform = f.platform AND l.order_id = f.order_id
                JOIN tracking_events t ON t.tracking_number = l.tracking_number AND t.event = f.event
                    AND t.occurred_at = f.occurred_at
                LEFT JOIN fulfillment_events e ON e.platform = f.platform AND e.order_id = f.order_id AND e.kind = f.event
                ORDER BY f.platform, f.order_id, f.event, t.tracking_number, t.source_file, t.source_line
                """, [])
            let pending = PendingChangeWriter(session: session)
            var changed = 0
            let writer = try session.writer(RecordUpserts.fulfillmentEvent) { row in
                changed += 1
                try pending.take(row)
            }
            var previous: (String, String, String)?
            for row in rows {
                let key = (try row.text(0), try row.text(1), try row.text(2))
                if let previous, previous == key { continue }
                previous = key
                // Already stored as attached: nothing to write.
                if try row.optionalText(10) == row.text(3), try row.optionalText(11) == row.text(6),
                   try row.optionalText(12) == row.text(5) { continue }
                guard let kind = FulfillmentEventKind(rawValue: key.2), let at = try row.timestamp(3) else { continue }
                let event = FulfillmentEvent(
                    key: OrderKey(platform: key.0, orderID: key.1), kind: kind, occurredAt: at,
                    trackingNumber: try row.text(5), authority: .carrier,
                    lineage: Lineage(connector: try row.text(6), file: try row.text(7), line: try row.int(8),
                                     contentHash: try row.text(9), runID: runID))
                try writer.append(RecordUpserts.values(.fulfillmentEvent(event)).1)
            }
            try writer.finish()
            try pending.finish()
            let orders = try session.count("""
                SELECT count(*) FROM (SELECT DISTINCT e.platform, e.order_id FROM fulfillment_events e
                    JOIN tracking_events t ON t.tracking_number = e.tracking_number AND t.event = e.kind
                        AND t.occurred_at = e.occurred_at AND t.connector = e.connector) attached
                """)
            let unlinked = try session.count("""
                SELECT count(DISTINCT t.tracking_number) FROM tracking_events t
                WHERE NOT EXISTS (SELECT 1 FROM tracking_links l WHERE l.tracking_number = t.tracking_number)
                """)
            return TrackingAttachment(eventsChanged: changed, ordersAttached: orders, unlinkedNumbers: unlinked)
        }
    }
}
