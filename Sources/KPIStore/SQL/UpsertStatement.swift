/// An `INSERT` into one table, optionally resolving key conflicts, written so it can carry one row or many.
///
/// Both databases accept the same `INSERT … VALUES … ON CONFLICT (key) DO UPDATE SET col = excluded.col
/// WHERE …` text, which is what lets one statement serve SQLite (a cached one-row statement) and
/// PostgreSQL (hundreds of rows per statement).
package struct UpsertStatement: Sendable, Hashable {
    package let table: String
    package let columns: [String]
    /// The conflict target; empty for a plain insert.
    package let key: [String]
    /// What follows `ON CONFLICT (key)`: `DO UPDATE SET …` (with an optional `WHERE`) or `DO NOTHING`.
    let resolution: String
    /// Expressions a `RETURNING` clause gives back for each row inserted or updated (none when empty).
    /// Both databases return nothing for a conflicting row the `WHERE` left alone.
    package let returning: [String]

    /// A plain insert.
    init(insertInto table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        key = []
        resolution = ""
        returning = []
    }

    /// An upsert whose conflict `resolution` is given as SQL.
    init(table: String, columns: [String], key: [String], resolution: String, returning: [String] = []) {
        self.table = table
        self.columns = columns
        self.key = key
        self.resolution = resolution
        self.returning = returning
    }

    /// An upsert where the incoming row replaces every non-key column of the stored one.
    init(replacing table: String, columns: [String], key: [String]) {
        let set = columns.filter { !key.contains($0) }
            .map { "\(StoreTable.quote($0)) = excluded.\(StoreTable.quote($0))" }
        self.init(table: table, columns: columns, key: key, resolution: "DO UPDATE SET " + set.joined(separator: ", "))
    }

    /// Positions of the key columns in a row, so a writer can tell when a row repeats a held-back key.
    package var keyIndexes: [Int] { key.map { columns.firstIndex(of: $0)! } }

    /// The statement for `rows` rows, with `?` placeholders in row order.
    package func sql(rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var sql = "INSERT INTO \(StoreTable.quote(table)) (\(columns.map(StoreTable.quote).joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ")
        if !key.isEmpty {
            sql += " ON CONFLICT (\(key.map(StoreTable.quote).joined(separator: ", "))) \(resolution)"
        }
        if !returning.isEmpty { sql += " RETURNING " + returning.joined(separator: ", ") }
        return sql
    }
}
