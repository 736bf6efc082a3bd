import GRDB

/// ``SQLSession`` on a GRDB database connection: cached prepared statements, one row per execution,
/// which is as fast as SQLite gets in-process.
struct GRDBSession: SQLSession {
    let db: Database

    func execute(_ sql: String, _ values: [StoreValue]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(values))
        return db.changesCount
    }

    func rows(_ sql: String, _ values: [StoreValue]) throws -> [[TableValue]] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(values)).map(Self.values)
    }

    func cursor(_ sql: String) throws -> any SQLCursor {
        Cursor(rows: try Row.fetchCursor(db, sql: sql))
    }

    func writer(_ statement: UpsertStatement, returned: ReturnedRows?) throws -> any SQLRowWriter {
        SQLiteRowWriter(statement: try db.cachedStatement(sql: statement.sql(rows: 1)),
                        returned: statement.returning.isEmpty ? nil : returned)
    }

    static func arguments(_ values: [StoreValue]) -> StatementArguments {
        StatementArguments(values.map { value -> DatabaseValue in
            switch value {
            case .null: .null
            case .integer(let v): v.databaseValue
            case .text(let v): StoreValue.storable(v).databaseValue
            }
        })
    }

    static func values(_ row: Row) -> [TableValue] {
        (0..<row.count).map { index in
            switch (row[index] as DatabaseValue).storage {
            case .null: .null
            case .int64(let v): .integer(v)
            case .double(let v): .real(v)
            case .string(let v): .text(v)
            case .blob(let v): .text(String(decoding: v, as: UTF8.self))
            }
        }
    }

    private final class Cursor: SQLCursor {
        let rows: RowCursor

        init(rows: RowCursor) { self.rows = rows }

        func next() throws -> [TableValue]? { try rows.next().map(GRDBSession.values) }
    }
}
