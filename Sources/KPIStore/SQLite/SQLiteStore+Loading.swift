import Foundation
import GRDB
import KPIConnectors
import KPISchema

extension SQLiteStore {
    public func load(_ file: FileToLoad, reader: inout any RecordReader) throws -> ReadStats {
        try queue.write { db in
            var sink = SQLiteRecordSink(db: db, file: file)
            let stats = try reader.read(into: &sink)
            try db.execute(sql: """
                INSERT INTO load_ledger (file_sha256, file, connector, bytes, encoding, rows_read, rows_skipped,
                    rows_loaded, rows_quarantined, records, run_id, loaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [file.fingerprint.sha256, file.path, file.connector, file.fingerprint.byteCount,
                                 file.encoding, stats.rowsRead, stats.rowsSkipped, stats.rowsLoaded,
                                 stats.rowsQuarantined, stats.recordsEmitted, file.runID, file.at.iso8601])
            return stats
        }
    }
}

/// Writes records inside the file's transaction with prepared, cached statements.
///
/// Upserts implement last-updated-wins: an incoming row replaces the stored one unless both carry a
/// version and the stored version is newer. ISO-8601 UTC text compares in time order.
struct SQLiteRecordSink: RecordSink {
    let db: Database
    let file: FileToLoad

    private static let lineageColumns = "connector, source_file, source_line, content_hash, run_id"
    private static let lineageUpdate = """
        connector = excluded.connector, source_file = excluded.source_file, source_line = excluded.source_line,
        content_hash = excluded.content_hash, run_id = excluded.run_id
        """

    private func lineage(_ l: Lineage) -> [(any DatabaseValueConvertible)?] {
        [l.connector, l.file, l.line, l.contentHash, l.runID]
    }

    mutating func accept(_ record: NormalizedRecord) throws {
        switch record {
        case .order(let o):
            try run("""
                INSERT INTO orders (platform, order_id, shop, purchased_at, purchased_zone, paid_at, paid_zone, status,
                    status_raw, currency, version, \(Self.lineageColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform, order_id) DO UPDATE SET
                    shop = excluded.shop, purchased_at = excluded.purchased_at, purchased_zone = excluded.purchased_zone,
                    paid_at = excluded.paid_at, paid_zone = excluded.paid_zone, status = excluded.status,
                    status_raw = excluded.status_raw, currency = excluded.currency, version = excluded.version,
                    \(Self.lineageUpdate)
                WHERE excluded.version IS NULL OR orders.version IS NULL OR excluded.version >= orders.version
                """, [o.key.platform, o.key.orderID, o.shop, o.purchasedAt.instant.iso8601, o.purchasedAt.zone,
                      o.paidAt?.instant.iso8601, o.paidAt?.zone, o.status.rawValue, o.statusRaw, o.currency,
                      o.version?.iso8601] + lineage(o.lineage))
        case .orderLine(let l):
            try run("""
                INSERT INTO order_lines (platform, order_id, line_id, sku, quantity, amount, tax, shipping, currency,
                    version, \(Self.lineageColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform, order_id, line_id) DO UPDATE SET
                    sku = excluded.sku, quantity = excluded.quantity, amount = excluded.amount, tax = excluded.tax,
                    shipping = excluded.shipping, currency = excluded.currency, version = excluded.version,
                    \(Self.lineageUpdate)
                WHERE excluded.version IS NULL OR order_lines.version IS NULL OR excluded.version >= order_lines.version
                """, [l.key.platform, l.key.orderID, l.lineID, l.sku, l.quantity, l.amount.amount.plainString,
                      l.tax.amount.plainString, l.shipping.amount.plainString, l.amount.currency,
                      l.version?.iso8601] + lineage(l.lineage))
        case .fulfillmentEvent(let e):
            try run("""
                INSERT INTO fulfillment_events (platform, order_id, kind, occurred_at, occurred_zone, tracking_number,
                    \(Self.lineageColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform, order_id, kind) DO UPDATE SET
                    occurred_at = excluded.occurred_at, occurred_zone = excluded.occurred_zone,
                    tracking_number = coalesce(excluded.tracking_number, fulfillment_events.tracking_number),
                    \(Self.lineageUpdate)
                """, [e.key.platform, e.key.orderID, e.kind.rawValue, e.occurredAt.instant.iso8601, e.occurredAt.zone,
                      e.trackingNumber] + lineage(e.lineage))
        case .refund(let r):
            try run("""
                INSERT INTO refunds (platform, order_id, refund_id, amount, currency, refunded_at, refunded_zone,
                    \(Self.lineageColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform, order_id, refund_id) DO UPDATE SET
                    amount = excluded.amount, currency = excluded.currency,
                    refunded_at = coalesce(excluded.refunded_at, refunds.refunded_at),
                    refunded_zone = coalesce(excluded.refunded_zone, refunds.refunded_zone),
                    \(Self.lineageUpdate)
                """, [r.key.platform, r.key.orderID, r.refundID, r.amount.amount.plainString, r.amount.currency,
                      r.refundedAt?.instant.iso8601, r.refundedAt?.zone] + lineage(r.lineage))
        case .return(let r):
            try run("""
                INSERT INTO returns (platform, order_id, return_id, sku, quantity, returned_at, returned_zone, reason,
                    \(Self.lineageColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform, order_id, return_id) DO UPDATE SET
                    sku = excluded.sku, quantity = excluded.quantity, returned_at = excluded.returned_at,
                    returned_zone = excluded.returned_zone, reason = excluded.reason, \(Self.lineageUpdate)
                """, [r.key.platform, r.key.orderID, r.returnID, r.sku, r.quantity, r.returnedAt.instant.iso8601,
                      r.returnedAt.zone, r.reason] + lineage(r.lineage))
        case .flat(let record):
            try upsert(record)
        }
    }

    private static let flatLayouts = Dictionary(uniqueKeysWithValues: FlatKind.allCases.map { ($0, FlatTableLayout($0)) })

    private func upsert(_ record: FlatRecord) throws {
        let layout = Self.flatLayouts[record.kind]!
        let values: [(any DatabaseValueConvertible)?] = layout.arguments(record).map { value in
            switch value {
            case .null: nil
            case .integer(let v): v
            case .text(let v): v
            }
        }
        try run(layout.upsertSQL, values)
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        try run("""
            INSERT INTO quarantine (run_id, connector, file, file_sha256, line, column_number, reason, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [file.runID, row.connector, row.file, file.fingerprint.sha256, row.line, row.column, row.reason, row.raw])
    }

    private func run(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: StatementArguments(values))
    }
}
