import KPISchema

/// Any table or view, row by row in primary-key order, for exports and reports.
///
/// Every method is one transaction. Part of ``WarehouseStore``; a job asks only for the part it needs.
package protocol TableScanning: Sendable {
    /// Streams a table's rows in primary-key order.
    func scan(_ table: StoreTable, _ body: (_ row: [TableValue]) throws -> Void) throws
}
