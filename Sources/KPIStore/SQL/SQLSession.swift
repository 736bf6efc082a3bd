import Foundation
import KPISchema

/// One connection inside one transaction, as the store logic shared by SQLite and PostgreSQL sees it.
///
/// Statements use `?` placeholders and values travel as ``StoreValue``s (text, integer or null), so the
/// database converts them to each column's type as SQLite does; rows come back as ``TableValue``s, with
/// numbers in NUMERIC columns as integers when whole and reals otherwise, whatever the database.
package protocol SQLSession {
    /// Runs one statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ sql: String, _ values: [StoreValue]) throws -> Int
    /// Runs a query and returns every row: for lookups that return a handful.
    func rows(_ sql: String, _ values: [StoreValue]) throws -> [[TableValue]]
    /// Streams a query's rows in the order it asks for, holding a bounded number at a time.
    /// Several cursors may be open at once in one session.
    func cursor(_ sql: String) throws -> any SQLCursor
    /// A writer that applies `statement` to rows in the order they are appended; it may hold rows back
    /// to send them together, so call ``SQLRowWriter/finish()`` before the transaction ends. Rows the
    /// statement's `RETURNING` clause gives back go to `returned` (in no promised order).
    func writer(_ statement: UpsertStatement, returned: ReturnedRows?) throws -> any SQLRowWriter
}

/// Receives the rows a `RETURNING` clause gives back.
package typealias ReturnedRows = ([TableValue]) throws -> Void

/// A query's rows, one at a time.
package protocol SQLCursor: AnyObject {
    /// The next row, or nil after the last.
    func next() throws -> [TableValue]?
}

/// Rows going into one table through one statement.
package protocol SQLRowWriter: AnyObject {
    func append(_ row: [StoreValue]) throws
    /// Writes whatever is held back.
    func finish() throws
}

extension SQLSession {
    /// A writer for a statement whose returned rows, if any, are not wanted.
    package func writer(_ statement: UpsertStatement) throws -> any SQLRowWriter {
        try writer(statement, returned: nil)
    }

    /// The integer a `SELECT count(*) …` returns.
    package func count(_ sql: String, _ values: [StoreValue] = []) throws -> Int {
        try rows(sql, values).first?.int(0) ?? 0
    }

    /// Calls `body` with each row of a streamed query.
    package func forEach(_ sql: String, _ body: ([TableValue]) throws -> Void) throws {
        let rows = try cursor(sql)
        while let row = try rows.next() { try body(row) }
    }
}

extension StoreValue {
    /// Text, or NULL for nil.
    static func of(_ text: String?) -> StoreValue { text.map(StoreValue.text) ?? .null }
    /// An integer, or NULL for nil.
    static func of(_ number: Int?) -> StoreValue { number.map { .integer(Int64($0)) } ?? .null }
    static func of(_ number: Int64) -> StoreValue { .integer(number) }
    /// A decimal in plain notation, or NULL for nil.
    static func of(_ number: Decimal?) -> StoreValue { number.map { .text($0.plainString) } ?? .null }
}
