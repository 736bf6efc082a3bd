import KPISchema

/// One SKU's stock on one day as one definition version sees it: the system or the counted quantity.
package struct StockView: Sendable {
    package let profile: DefinitionProfile
    package let record: FlatRecord
    package let date: CivilDate
    /// Nil when the snapshot has no figure of the profile's basis (no count that day).
    package let quantity: Int?

    package init?(_ record: FlatRecord, profile: DefinitionProfile) {
        guard case .date(let date)? = record["snapshot_date"] else { return nil }
        self.profile = profile
        self.record = record
        self.date = date
        let field = profile.inventory == .system ? "system_quantity" : "counted_quantity"
        if case .integer(let value)? = record[field] { quantity = value } else { quantity = nil }
    }

    package var isStockout: Bool? { quantity.map { $0 <= 0 } }

    /// `erp:US-WEST:SKU-1@2026-10-31`.
    package var id: String {
        let part = { (name: String) in self.record[name]?.storageText ?? "" }
        return "\(part("source")):\(part("warehouse")):\(part("sku"))@\(date)"
    }
}
