import Foundation

/// Flattens Admin REST orders into the rows `shopify.orders_api` reads: one per line item, with the
/// order's money (shipping, tax, refunds) on its first line only, as in the admin's CSV export, so
/// nothing is summed twice.
///
/// Done in code rather than in the connector spec because refunds are sums over nested arrays
/// (`refunds[].transactions[]`) and the fulfilment time is the earliest of several.
enum ShopifyOrderRows {
    static func rows(_ order: [String: Any]) -> [[String: Any]] {
        let text = { (key: String) in APIJSON.text(order[key]) }
        let financial = text("financial_status")
        let paidStates: Set<String> = ["paid", "partially_paid", "partially_refunded", "refunded"]
        let fulfillments = APIJSON.objects(order["fulfillments"]).filter { APIJSON.text($0["status"]) != "cancelled" }
        let fulfilled = fulfillments.compactMap { f in APIJSON.text(f["created_at"]).flatMap { t in APIJSON.instant(t).map { ($0, t) } } }
            .min { $0.0 < $1.0 }?.1
        let delivered = fulfillments.filter { APIJSON.text($0["shipment_status"]) == "delivered" }
            .compactMap { APIJSON.text($0["updated_at"]) }.first
        var refunded = Decimal(0)
        for refund in APIJSON.objects(order["refunds"]) {
            for transaction in APIJSON.objects(refund["transactions"])
            where APIJSON.text(transaction["kind"]) == "refund" && !["failure", "error"].contains(APIJSON.text(transaction["status"]) ?? "") {
                refunded += Decimal(string: APIJSON.text(transaction["amount"]) ?? "0") ?? 0
            }
        }
        let shipping = ((order["total_shipping_price_set"] as? [String: Any])?["shop_money"] as? [String: Any]).flatMap { APIJSON.text($0["amount"]) }
        let common: [String: Any] = [
            "order_id": text("name") ?? NSNull(),
            "shopify_id": text("id") ?? NSNull(),
            "created_at": text("created_at") ?? NSNull(),
            "updated_at": text("updated_at") ?? NSNull(),
            "paid_at": (paidStates.contains(financial ?? "") ? text("processed_at") : nil) ?? NSNull(),
            "cancelled_at": text("cancelled_at") ?? NSNull(),
            "financial_status": financial ?? NSNull(),
            "currency": text("currency") ?? NSNull(),
            "fulfilled_at": fulfilled ?? NSNull(),
            "delivered_at": delivered ?? NSNull(),
            "tracking_number": fulfillments.compactMap { APIJSON.text($0["tracking_number"]) }.first ?? NSNull(),
            // What a source's `same_order:` rule searches for another channel's order id.
            "tags": text("tags") ?? NSNull(),
            "note": text("note") ?? NSNull(),
            // The buyer, as the admin's CSV names it (`Email`): kept by the connector only as a salted key.
            "email": text("email") ?? NSNull(),
        ]
        var rows: [[String: Any]] = []
        for (index, line) in APIJSON.objects(order["line_items"]).enumerated() {
            var row = common
            row["line_id"] = APIJSON.text(line["id"]) ?? NSNull()
            row["sku"] = APIJSON.text(line["sku"]).flatMap { $0.isEmpty ? nil : $0 } ?? NSNull()
            row["quantity"] = APIJSON.text(line["quantity"]) ?? NSNull()
            row["price"] = APIJSON.text(line["price"]) ?? NSNull()
            if index == 0 {
                row["shipping"] = shipping ?? NSNull()
                row["tax"] = text("total_tax") ?? NSNull()
                row["refunded_amount"] = refunded == 0 ? NSNull() : "\(refunded)"
            }
            rows.append(row)
        }
        return rows
    }
}
