import KPISchema

/// The spec names at least one record kind, and orders and their lines have the fields they are built
/// from: an order id, a purchase time, a SKU and quantity, exactly one of line amount or unit price.
enum OrderRecordsValidator: SpecValidator {
    static func validate(_ context: SpecContext) throws(ConnectorSpecError) {
        let records = context.spec.records
        guard records.hasOrderRecords || !records.flat.isEmpty else {
            throw context.fail(Bilingual("`records` must name at least one record kind: order, order_line, fulfillment_events, refund, return, "
                                         + FlatKind.allCases.map(\.rawValue).joined(separator: ", "),
                                         "`records` 至少要声明一种记录：order、order_line、fulfillment_events、refund、return、"
                                         + FlatKind.allCases.map(\.rawValue).joined(separator: "、")))
        }
        try context.optional("platform", .text, for: "platform")
        try context.optional("shop", .text, for: "shop")
        try context.optional("currency", .text, for: "currency")
        if records.hasOrderRecords {
            try context.need("order_id", .text, for: "order records")
        }
        if let order = records.order {
            try context.need("purchased_at", .datetime, for: "records.order")
            try context.optional("paid_at", .datetime, for: "records.order")
            try context.optional("status", .text, for: "records.order")
            for name in order.version ?? [] { try context.need(name, .datetime, for: "records.order.version") }
            if let name = order.cancelledIfPresent, context.fieldIndex[name] == nil {
                throw context.fail(Bilingual("records.order.cancelled_if_present names unknown field `\(name)`",
                                                 "records.order.cancelled_if_present 引用了不存在的字段 `\(name)`"))
            }
            if let name = order.customer { try context.need(name, .text, for: "records.order.customer") }
        }
        if let line = records.orderLine {
            try context.need("sku", .text, for: "records.order_line")
            try context.need("quantity", .integer, for: "records.order_line")
            try context.optional("tax", .decimal, for: "records.order_line")
            try context.optional("shipping", .decimal, for: "records.order_line")
            switch (line.amount, line.unitPrice) {
            case let (amount?, nil): try context.need(amount, .decimal, for: "records.order_line.amount")
            case let (nil, price?): try context.need(price, .decimal, for: "records.order_line.unit_price")
            default: throw context.fail(Bilingual("records.order_line needs exactly one of `amount` (line total) or `unit_price`",
                                                          "records.order_line 需要且只能有 `amount`（行金额）或 `unit_price` 之一"))
            }
            for name in line.version ?? [] { try context.need(name, .datetime, for: "records.order_line.version") }
            for name in line.key ?? [] { try context.need(name, .text, for: "records.order_line.key") }
        }
    }
}
