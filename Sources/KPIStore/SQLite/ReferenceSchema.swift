import GRDB

/// The warehouse schema as SQLite's migrations leave it, read back from a migrated in-memory database.
///
/// SQLite's append-only migrations are the one definition of the schema; other databases derive their
/// tables from this instead of keeping a second copy of every `CREATE TABLE` in step by hand.
package struct ReferenceSchema: Sendable {
    /// A column's type: kpibridge declares only these three.
    package enum ColumnType: String, Sendable {
        case text = "TEXT", integer = "INTEGER", numeric = "NUMERIC"
    }

    package struct Column: Sendable {
        package var name: String
        package var type: ColumnType
        package var notNull: Bool
        /// The default as SQL text (`0`, `''`), if any.
        package var defaultSQL: String?
        /// A surrogate key numbered by the database (`INTEGER PRIMARY KEY AUTOINCREMENT`).
        package var generated: Bool
    }

    package struct Table: Sendable {
        package var name: String
        package var columns: [Column]
        package var primaryKey: [String]
    }

    package struct Index: Sendable {
        package var name: String
        package var table: String
        package var columns: [String]
    }

    /// Identifiers of the migrations this schema is the result of, oldest first.
    package var migrations: [String]
    package var tables: [Table]
    package var indexes: [Index]
    package var views: [ReportingView]

    /// Identifiers of the current migrations, oldest first, without building the schema.
    package static var migrationIdentifiers: [String] { SQLiteStore.migrator.migrations }

    /// Reads the schema the current migrations produce.
    package static func current() throws -> ReferenceSchema {
        let queue = try DatabaseQueue()
        let migrator = SQLiteStore.migrator
        try migrator.migrate(queue)
        return try queue.read { db in
            var tables: [Table] = []
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name <> 'grdb_migrations' ORDER BY rowid
                """)
            for name in names {
                let createSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]) ?? ""
                var columns: [Column] = []
                var key: [(Int, String)] = []
                for row in try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)",
                                            arguments: [name]) {
                    let column: String = row[0], declared: String = row[1], position: Int = row[4]
                    guard let type = ColumnType(rawValue: declared.uppercased()) else {
                        throw ReferenceSchemaError(table: name, column: column, type: declared)
                    }
                    if position > 0 { key.append((position, column)) }
                    columns.append(Column(name: column, type: type, notNull: row[2], defaultSQL: row[3],
                                          generated: position > 0 && type == .integer && createSQL.contains("AUTOINCREMENT")))
                }
                tables.append(Table(name: name, columns: columns, primaryKey: key.sorted { $0.0 < $1.0 }.map(\.1)))
            }
            var indexes: [Index] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name
                """) {
                let name: String = row[0]
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
                indexes.append(Index(name: name, table: row[1], columns: columns))
            }
            return ReferenceSchema(migrations: migrator.migrations, tables: tables, indexes: indexes, views: ReportingView.all)
        }
    }
}

/// A column declared with a type the reference schema does not know how to carry to another database.
package struct ReferenceSchemaError: Error, CustomStringConvertible {
    var table: String
    var column: String
    var type: String

    package var description: String { "\(table).\(column) is declared `\(type)`; only TEXT, INTEGER and NUMERIC carry over" }
}
