import KPISchema

/// Normalized records: loading a file's records with its ledger entry, and reading them back for the facts.
///
/// Every method is one transaction. Part of ``WarehouseStore``; a job asks only for the part it needs.
package protocol RecordStore: Sendable {
    /// The ledger entry of a file already loaded with these exact bytes, if any.
    func ledgerEntry(sha256: String) throws -> LedgerEntry?
    /// Loads one file's records and quarantined rows and writes its ledger entry, atomically.
    func load(_ file: FileToLoad, reader: inout any RecordReader) throws -> ReadStats
    /// Every file the store holds records of (ledger and pruned identities), in load order.
    func loadedFiles() throws -> [LedgerEntry]
    /// The keys retracting `file` rebuilds (`emitted` reads the file itself).
    func retractHeld(file: String, emitted: inout any RecordReader) throws -> RetractHeld
    /// Removes the rows of `held` keys and what the file left, re-applies those keys from `replay`; atomically.
    func retract(_ entry: LedgerEntry, held: RetractHeld, replay: [RetractReplay], runID: Int64, at: Instant) throws -> RetractOutcome
    /// Calls `body` with each order and its lines, refunds and events, in key order, holding one
    /// order in memory at a time; within a scope, only orders with a date in its window.
    func forEachOrder(within scope: RecomputeScope?, _ body: (OrderBundle) throws -> Void) throws
    /// Fulfillment events and refunds whose order is not (yet) in the store.
    func orphanCounts() throws -> (events: Int, refunds: Int)
    /// Whether any stored order names its buyer (a customer key): only then do customer rates exist.
    func hasCustomerKeys() throws -> Bool
    /// The distinct salt tags (the text before `:`) of stored buyer keys.
    func customerKeyTags() throws -> Set<String>
    /// The earliest purchase of any stored order: where the store's history starts.
    func firstPurchase() throws -> Instant?
    /// Turns carrier scans known only by tracking number into events of the orders linked to that number.
    func attachTrackingEvents(runID: Int64) throws -> TrackingAttachment
    /// Every link a `same_order:` rule recorded to another channel's order, with whether that order is stored.
    func orderTwins() throws -> [OrderTwin]
    /// The orders the last refresh left out as copies of another channel's sale (`same_order_skips`).
    func sameOrderSkips() throws -> Set<OrderKey>
    /// How many orders of `platform` the store holds.
    func orderCount(platform: String) throws -> Int
    /// Orders of `platform` (and `shop`) read by `connector` without a `same_order` link row (loaded before the rule).
    func ordersWithoutTwinRow(platform: String, connector: String, shop: String?) throws -> Int
    /// Calls `body` with each stored record of a plain-data kind, in key order; within a scope, only
    /// records with a date in its window.
    func forEachFlat(_ kind: FlatKind, within scope: RecomputeScope?, _ body: (FlatRecord) throws -> Void) throws
}

extension RecordStore {
    /// Calls `body` with every order and its lines, refunds and events, in key order.
    package func forEachOrder(_ body: (OrderBundle) throws -> Void) throws {
        try forEachOrder(within: nil, body)
    }

    /// Calls `body` with every stored record of a plain-data kind, in key order.
    package func forEachFlat(_ kind: FlatKind, _ body: (FlatRecord) throws -> Void) throws {
        try forEachFlat(kind, within: nil, body)
    }
}
