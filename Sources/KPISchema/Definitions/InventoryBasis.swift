/// Which stock figure "inventory" means: the ERP's book quantity or what was physically counted.
package enum InventoryBasis: String, Sendable, Codable, CaseIterable {
    /// The ERP's system quantity (系统库存), what the China team reads.
    case system
    /// The quantity found at the last physical count (盘点), what the warehouse reports.
    case counted
}
