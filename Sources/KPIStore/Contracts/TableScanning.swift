import KPISchema

/// Any table or view, row by row in primary-key order, for exports and reports.
///
/// Every method is one transaction. Part of ``WarehouseStore``; a job asks only for the part it needs.
package protocol TableScanning: Sendable {
    /// Streams a table's rows in primary-key order.
    func scan(_ table: StoreTable, _ body: (_ row: [TableValue]) throws -> Void) throws
    /// Each connector's latest record times as stored, one per record table it wrote (UTC instants like
    /// `2026-10-31T02:54:33Z`, or dates): how far its data reaches, which a load time does not say.
    func latestRecordTimes() throws -> [String: [String]]
}
