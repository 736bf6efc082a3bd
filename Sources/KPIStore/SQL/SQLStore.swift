/// A warehouse on a SQL database: every ``WarehouseStore`` operation is written once, against
/// ``SQLSession``, and SQLite and PostgreSQL supply only sessions, schema and the run lock.
///
/// That the two stores share one implementation is what makes "the same results from either" hold by
/// construction rather than by two copies kept in step.
package protocol SQLStore: WarehouseStore {
    /// Runs `body` in a read-only transaction that sees one consistent snapshot.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` in a transaction, committed when it returns and rolled back when it throws.
    @discardableResult
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` in a transaction that is always rolled back (dry runs count what a change would do).
    func rehearse<T>(_ body: (any SQLSession) throws -> T) throws -> T
}
