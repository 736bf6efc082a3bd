import Foundation
import KPISchema

/// Flattens TikTok Shop API orders into the rows `tiktok.orders_api` reads: one per seller SKU.
///
/// The API lists one line item per unit, so units of a SKU are counted and their sale prices summed
/// here; its times are unix seconds, written out as UTC instants.
enum TikTokOrderRows {
    static func rows(_ order: [String: Any]) -> [[String: Any]] {
        func time(_ key: String) -> Any {
            guard let text = APIJSON.text(order[key]), let seconds = Int64(text), seconds > 0 else { return NSNull() }
            return Instant(secondsSinceEpoch: seconds).iso8601
        }
        let payment = order["payment"] as? [String: Any] ?? [:]
        var units: [(sku: String, price: Decimal, tracking: String?)] = []
        for item in APIJSON.objects(order["line_items"]) {
            let sku = APIJSON.text(item["seller_sku"]).flatMap { $0.isEmpty ? nil : $0 } ?? APIJSON.text(item["sku_id"]) ?? "NO-SKU"
            units.append((sku, Decimal(string: APIJSON.text(item["sale_price"]) ?? "0") ?? 0, APIJSON.text(item["tracking_number"])))
        }
        var order_: [String] = []
        var grouped: [String: (count: Int, total: Decimal)] = [:]
        for unit in units {
            if grouped[unit.sku] == nil { order_.append(unit.sku) }
            grouped[unit.sku, default: (0, 0)].count += 1
            grouped[unit.sku, default: (0, 0)].total += unit.price
        }
        let tracking = APIJSON.text(order["tracking_number"]) ?? units.compactMap(\.tracking).first
        return order_.map { sku in
            [
                "order_id": APIJSON.text(order["id"]) ?? NSNull(),
                "status": APIJSON.text(order["status"]) ?? NSNull(),
                "currency": APIJSON.text(payment["currency"]) ?? NSNull(),
                "created_at": time("create_time"),
                "updated_at": time("update_time"),
                "paid_at": time("paid_time"),
                "rts_at": time("rts_time"),
                "collected_at": time("collection_time"),
                "delivered_at": time("delivery_time"),
                "cancelled_at": time("cancel_time"),
                "tracking_number": tracking ?? NSNull(),
                "sku": sku,
                "quantity": String(grouped[sku]!.count),
                "line_total": "\(grouped[sku]!.total)",
            ]
        }
    }
}
