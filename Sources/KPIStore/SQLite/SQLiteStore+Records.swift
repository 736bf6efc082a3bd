import Foundation
import GRDB
import KPISchema

extension SQLiteStore {
    public func forEachOrder(_ body: (OrderBundle) throws -> Void) throws {
        try queue.read { db in
            // Child rows are fetched per order through their primary-key index: three cheap lookups
            // instead of holding every table in memory.
            let lines = try db.cachedStatement(sql: """
                SELECT platform, order_id, line_id, sku, quantity, amount, tax, shipping, currency, version,
                    connector, source_file, source_line, content_hash, run_id
                FROM order_lines WHERE platform = ? AND order_id = ? ORDER BY line_id
                """)
            let refunds = try db.cachedStatement(sql: """
                SELECT platform, order_id, refund_id, amount, currency, refunded_at, refunded_zone,
                    connector, source_file, source_line, content_hash, run_id
                FROM refunds WHERE platform = ? AND order_id = ? ORDER BY refund_id
                """)
            let events = try db.cachedStatement(sql: """
                SELECT platform, order_id, kind, occurred_at, occurred_zone, tracking_number,
                    connector, source_file, source_line, content_hash, run_id
                FROM fulfillment_events WHERE platform = ? AND order_id = ? ORDER BY kind
                """)
            let orders = try Row.fetchCursor(db, sql: """
                SELECT platform, order_id, shop, purchased_at, purchased_zone, paid_at, paid_zone, status, status_raw,
                    currency, version, connector, source_file, source_line, content_hash, run_id
                FROM orders ORDER BY platform, order_id
                """)
            while let row = try orders.next() {
                let key = OrderKey(platform: row[0], orderID: row[1])
                var bundle = OrderBundle(order: Order(
                    key: key, shop: row[2],
                    purchasedAt: try Self.timestamp(row[3], row[4])!, paidAt: try Self.timestamp(row[5], row[6]),
                    status: OrderStatus(rawValue: row[7]) ?? .other, statusRaw: row[8], currency: row[9],
                    version: try Self.instant(row[10]), lineage: Self.lineage(row, from: 11)))
                let arguments: StatementArguments = [key.platform, key.orderID]
                let lineRows = try Row.fetchCursor(lines, arguments: arguments)
                while let row = try lineRows.next() {
                    let currency: String = row[8]
                    bundle.lines.append(OrderLine(
                        key: key, lineID: row[2], sku: row[3], quantity: row[4],
                        amount: Money(try Self.decimal(row[5]), currency), tax: Money(try Self.decimal(row[6]), currency),
                        shipping: Money(try Self.decimal(row[7]), currency), version: try Self.instant(row[9]),
                        lineage: Self.lineage(row, from: 10)))
                }
                let refundRows = try Row.fetchCursor(refunds, arguments: arguments)
                while let row = try refundRows.next() {
                    bundle.refunds.append(Refund(
                        key: key, refundID: row[2], amount: Money(try Self.decimal(row[3]), row[4]),
                        refundedAt: try Self.timestamp(row[5], row[6]), lineage: Self.lineage(row, from: 7)))
                }
                let eventRows = try Row.fetchCursor(events, arguments: arguments)
                while let row = try eventRows.next() {
                    guard let kind = FulfillmentEventKind(rawValue: row[2]) else { continue }
                    bundle.events[kind] = FulfillmentEvent(
                        key: key, kind: kind, occurredAt: try Self.timestamp(row[3], row[4])!, trackingNumber: row[5],
                        lineage: Self.lineage(row, from: 6))
                }
                try body(bundle)
            }
        }
    }

    public func orphanCounts() throws -> (events: Int, refunds: Int) {
        try queue.read { db in
            let orphan = "NOT EXISTS (SELECT 1 FROM orders o WHERE o.platform = t.platform AND o.order_id = t.order_id)"
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM fulfillment_events t WHERE \(orphan)") ?? 0
            let refunds = try Int.fetchOne(db, sql: "SELECT count(*) FROM refunds t WHERE \(orphan)") ?? 0
            return (events, refunds)
        }
    }

    static func lineage(_ row: Row, from start: Int) -> Lineage {
        Lineage(connector: row[start], file: row[start + 1], line: row[start + 2], contentHash: row[start + 3],
                runID: row[start + 4])
    }

    static func instant(_ text: String?) throws -> Instant? {
        guard let text else { return nil }
        guard let instant = Instant(iso8601: text) else { throw CorruptValueError(value: text, expected: "an ISO-8601 UTC instant") }
        return instant
    }

    static func timestamp(_ text: String?, _ zone: String?) throws -> Timestamp? {
        try instant(text).map { Timestamp(instant: $0, zone: zone ?? "UTC") }
    }

    static func decimal(_ text: String) throws -> Decimal {
        guard let value = Decimal(plain: text) else { throw CorruptValueError(value: text, expected: "a decimal") }
        return value
    }
}

/// A stored value that is not in the form kpibridge writes: the database was edited by hand.
public struct CorruptValueError: Error, Sendable, CustomStringConvertible {
    public var value: String
    public var expected: String

    public var description: String { "store holds `\(value)` where \(expected) was written; was the database edited by hand?" }
}
