import Foundation
import KPISchema

/// The statement and values that store each kind of normalized record.
///
/// Upserts implement last-updated-wins: an incoming row replaces the stored one unless both carry a
/// version and the stored version is newer (ISO-8601 UTC text compares in time order). A later file
/// without a tracking number or refund date keeps the one already stored. A row equal to the stored one
/// changes nothing, not even its lineage: the record still comes from the file that first said so.
enum RecordUpserts {
    static let lineageColumns = ["connector", "source_file", "source_line", "content_hash", "run_id"]

    private static func lineage(_ l: Lineage) -> [StoreValue] {
        [.text(l.connector), .text(l.file), .of(l.line), .text(l.contentHash), .integer(l.runID)]
    }

    /// An upsert of one order-record table that changes a stored row only when some data column differs
    /// and `guardCondition` (if any) holds, and, when `tracked`, reports each changed row's order key and
    /// former `dates` (see ``ChangeTracking``).
    private static func upsert(_ table: String, _ columns: [String], key: [String], keeping: [String] = [],
                               guardCondition: String? = nil, dates: [String] = [], tracked: Bool = true) -> UpsertStatement {
        ChangeTracking.upsert(
            table: table, columns: columns + lineageColumns, key: key, data: columns.filter { !key.contains($0) },
            kept: keeping, guardCondition: guardCondition, dates: tracked ? dates : [], orderKey: true, reports: tracked)
    }

    /// Both rows versioned and the stored one newer: the incoming row is older news.
    private static func notOlder(_ table: String) -> String {
        "excluded.version IS NULL OR \(table).version IS NULL OR excluded.version >= \(table).version"
    }

    /// A later export that names no buyer (another report of the same order) keeps the stored buyer key.
    static let order = upsert(
        "orders", ["platform", "order_id", "shop", "purchased_at", "purchased_zone", "paid_at", "paid_zone", "status",
                   "status_raw", "currency", "customer_key", "version"], key: ["platform", "order_id"],
        keeping: ["customer_key"], guardCondition: notOlder("orders"), dates: ["purchased_at", "paid_at"])
    static let orderLine = upsert(
        "order_lines", ["platform", "order_id", "line_id", "sku", "quantity", "amount", "tax", "shipping", "currency",
                        "version"], key: ["platform", "order_id", "line_id"], guardCondition: notOlder("order_lines"))
    /// An event is replaced only by a source of higher authority (``EventAuthority``) or, at equal
    /// authority, by the same connector (a corrected export) or one whose id sorts first (two ERPs that
    /// disagree): events carry no version, and arrival order must not decide which time is stored.
    /// (Scans of several parcels of one order are chosen among before this: see `attachTrackingEvents`.)
    static let fulfillmentEvent = upsert(
        "fulfillment_events", ["platform", "order_id", "kind", "occurred_at", "occurred_zone", "tracking_number",
                               "authority_rank"],
        key: ["platform", "order_id", "kind"], keeping: ["tracking_number"],
        guardCondition: """
            excluded.authority_rank > coalesce(fulfillment_events.authority_rank, 0) \
            OR (excluded.authority_rank = fulfillment_events.authority_rank \
                AND excluded.connector <= fulfillment_events.connector)
            """, dates: ["occurred_at"])
    static let refund = upsert(
        "refunds", ["platform", "order_id", "refund_id", "amount", "currency", "refunded_at", "refunded_zone"],
        key: ["platform", "order_id", "refund_id"], keeping: ["refunded_at", "refunded_zone"], dates: ["refunded_at"])
    static let `return` = upsert(
        "returns", ["platform", "order_id", "return_id", "sku", "quantity", "returned_at", "returned_zone", "reason"],
        key: ["platform", "order_id", "return_id"], dates: ["returned_at"])
    static let quarantine = UpsertStatement(
        insertInto: "quarantine",
        columns: ["run_id", "connector", "file", "file_sha256", "line", "column_number", "reason", "reason_zh", "raw"])

    /// The statement for `record` and its values in that statement's column order.
    static func values(_ record: NormalizedRecord) -> (UpsertStatement, [StoreValue]) {
        switch record {
        case .order(let o):
            return (order, [.text(o.key.platform), .text(o.key.orderID), .text(o.shop), .text(o.purchasedAt.instant.iso8601),
                            .text(o.purchasedAt.zone), .of(o.paidAt?.instant.iso8601), .of(o.paidAt?.zone),
                            .text(o.status.rawValue), .text(o.statusRaw), .text(o.currency), .of(o.customer), .of(o.version?.iso8601)]
                    + lineage(o.lineage))
        case .orderLine(let l):
            return (orderLine, [.text(l.key.platform), .text(l.key.orderID), .text(l.lineID), .text(l.sku), .of(l.quantity),
                                .of(l.amount.amount), .of(l.tax.amount), .of(l.shipping.amount), .text(l.amount.currency),
                                .of(l.version?.iso8601)] + lineage(l.lineage))
        case .fulfillmentEvent(let e):
            return (fulfillmentEvent, [.text(e.key.platform), .text(e.key.orderID), .text(e.kind.rawValue),
                                       .text(e.occurredAt.instant.iso8601), .text(e.occurredAt.zone), .of(e.trackingNumber),
                                       .integer(Int64(e.authority.rank))]
                    + lineage(e.lineage))
        case .refund(let r):
            return (refund, [.text(r.key.platform), .text(r.key.orderID), .text(r.refundID), .of(r.amount.amount),
                             .text(r.amount.currency), .of(r.refundedAt?.instant.iso8601), .of(r.refundedAt?.zone)]
                    + lineage(r.lineage))
        case .return(let r):
            return (`return`, [.text(r.key.platform), .text(r.key.orderID), .text(r.returnID), .text(r.sku), .of(r.quantity),
                               .text(r.returnedAt.instant.iso8601), .text(r.returnedAt.zone), .of(r.reason)]
                    + lineage(r.lineage))
        case .flat(let record):
            let layout = FlatTableLayout.of(record.kind)
            return (layout.upsert, layout.arguments(record))
        }
    }
}
