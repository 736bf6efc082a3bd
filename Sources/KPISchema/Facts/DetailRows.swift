/// Reconciliation detail rows handed to a store one at a time.
///
/// A million order lines give hundreds of thousands of detail rows; a run that reads them back from a
/// spool file instead of holding them can fail part way, so `next` throws and the store's transaction
/// rolls back rather than commit half of them.
package struct DetailRows {
    package let next: () throws -> ReconciliationDetail?

    package init(next: @escaping () throws -> ReconciliationDetail?) {
        self.next = next
    }

    /// Rows already in memory.
    package init(_ rows: [ReconciliationDetail]) {
        var iterator = rows.makeIterator()
        next = { iterator.next() }
    }
}
