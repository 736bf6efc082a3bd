import KPISchema

extension CompiledSpec {
    /// Whether the shop of this layout's records comes from where the file came from, not from its rows:
    /// it makes orders or shop-scoped plain data, and has neither a shop nor a platform column.
    ///
    /// Such a file (an Amazon flat file) is only as right as the shop its source names, so a workspace
    /// with several shops on the platform must say which (see the load planner).
    package var takesShopFromSource: Bool {
        guard fieldIndex["shop"] == nil, fieldIndex["platform"] == nil else { return false }
        if spec.records.order != nil { return true }
        return flat.contains { item in
            zip(item.kind.schema.fields, item.sources).contains { column, source in column.name == "shop" && source == nil }
        }
    }
}

extension CompiledSpec {
    /// Whether rows carry an order id, which `shop_from: order_id` patterns read.
    package var readsOrderIDs: Bool { fieldIndex["order_id"] != nil }

    /// The one marketplace this layout's rows can belong to: its `platform:`, when no column says
    /// otherwise. ERP and warehouse layouts, which cover several, declare none or read a column.
    package var fixedPlatform: String? { fieldIndex["platform"] == nil ? spec.platform?.lowercased() : nil }
}
