import KPISchema

extension SQLStore {
    /// Attaches carrier scans known only by tracking number (`tracking_events`) to the orders that records
    /// with an order id link to that number (`tracking_links`: a label, an outbound, a shipment, an ERP
    /// line), as carrier-authority fulfillment events — written like a loaded file's, so the next refresh
    /// recomputes the orders they change.
    ///
    /// Computed from the whole store each time, not from this run's files: scans and links arrive in
    /// either order and in different runs, and a run killed before this step leaves the next one to do
    /// it. Per order and kind, over all its parcels: the earliest first scan (the order left with its first
    /// parcel) and the latest delivery (it is delivered when its last parcel is). A scan before the order
    /// was bought cannot be its parcel's (a reused or mistyped number) and is not attached, but counted.
    /// Candidates come in a fixed order and the first per order and kind wins, so equal times cannot
    /// alternate between runs.
    package func attachTrackingEvents(runID: Int64) throws -> TrackingAttachment {
        let kinds = FulfillmentEventKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try write { session in
            // Most stores never hold a tracker feed: nothing to join, count or scan.
            guard try session.count("SELECT count(*) FROM (SELECT 1 FROM tracking_events LIMIT 1) any_scan") > 0 else {
                return TrackingAttachment()
            }
            let plausible = "(o.purchased_at IS NULL OR t.occurred_at >= o.purchased_at)"
            let candidates = try session.rows("""
                WITH scans AS (
                    SELECT l.platform, l.order_id, t.event, t.occurred_at, t.occurred_at_zone, t.tracking_number,
                        t.connector, t.source_file, t.source_line, t.content_hash
                    FROM tracking_events t
                    JOIN tracking_links l ON l.tracking_number = t.tracking_number
                    LEFT JOIN orders o ON o.platform = l.platform AND o.order_id = l.order_id
                    WHERE t.event IN (\(kinds)) AND \(plausible)),
                chosen AS (
                    SELECT platform, order_id, event,
                        CASE WHEN event = 'delivered' THEN max(occurred_at) ELSE min(occurred_at) END AS occurred_at
                    FROM scans GROUP BY platform, order_id, event)
                SELECT s.platform, s.order_id, s.event, s.occurred_at, s.occurred_at_zone, s.tracking_number,
                    s.connector, s.source_file, s.source_line, s.content_hash,
                    e.occurred_at, e.connector, e.tracking_number
                FROM chosen c
                JOIN scans s ON s.platform = c.platform AND s.order_id = c.order_id AND s.event = c.event
                    AND s.occurred_at = c.occurred_at
                LEFT JOIN fulfillment_events e ON e.platform = c.platform AND e.order_id = c.order_id AND e.kind = c.event
                ORDER BY s.platform, s.order_id, s.event, s.tracking_number, s.source_file, s.source_line
                """, [])
            let pending = PendingChangeWriter(session: session)
            var changed = 0
            let writer = try session.writer(RecordUpserts.fulfillmentEvent) { row in
                changed += 1
                try pending.take(row)
            }
            var previous: [TableValue] = []
            for row in candidates {
                let key = Array(row[0...2])
                if key == previous { continue }
                previous = key
                let candidate = try AttachedScan(row, runID: runID)
                if candidate.isStored { continue }
                try writer.append(RecordUpserts.values(.fulfillmentEvent(candidate.event)).1)
            }
            try writer.finish()
            try pending.finish()
            let orders = try session.count("""
                SELECT count(*) FROM (SELECT DISTINCT e.platform, e.order_id FROM fulfillment_events e
                    JOIN tracking_events t ON t.tracking_number = e.tracking_number AND t.event = e.kind
                        AND t.occurred_at = e.occurred_at) attached
                """)
            let early = try session.count("""
                SELECT count(*) FROM tracking_events t
                JOIN tracking_links l ON l.tracking_number = t.tracking_number
                JOIN orders o ON o.platform = l.platform AND o.order_id = l.order_id
                WHERE t.event IN (\(kinds)) AND t.occurred_at < o.purchased_at
                """)
            let unlinked = try session.count("""
                SELECT count(DISTINCT t.tracking_number) FROM tracking_events t
                WHERE NOT EXISTS (SELECT 1 FROM tracking_links l WHERE l.tracking_number = t.tracking_number)
                """)
            return TrackingAttachment(eventsChanged: changed, ordersAttached: orders, unlinkedNumbers: unlinked,
                                      scansBeforePurchase: early)
        }
    }
}

/// One row of the attach query: the chosen scan as an order event, and the event stored now.
private struct AttachedScan {
    let event: FulfillmentEvent
    /// The stored event is this scan already (same time, parcel and feed): nothing to write.
    let isStored: Bool

    init(_ row: [TableValue], runID: Int64) throws {
        guard let kind = FulfillmentEventKind(rawValue: try row.text(2)), let instant = try row.instant(3) else {
            throw CorruptValueError(value: try row.text(2), expected: "a fulfillment event kind and time")
        }
        event = FulfillmentEvent(
            key: OrderKey(platform: try row.text(0), orderID: try row.text(1)), kind: kind,
            occurredAt: Timestamp(instant: instant, zone: try row.optionalText(4) ?? "UTC"),
            trackingNumber: try row.text(5), authority: .carrier,
            lineage: Lineage(connector: try row.text(6), file: try row.text(7), line: try row.int(8),
                             contentHash: try row.text(9), runID: runID))
        isStored = try row.optionalText(10) == row.text(3) && row.optionalText(11) == row.text(6)
            && row.optionalText(12) == row.text(5)
    }
}
