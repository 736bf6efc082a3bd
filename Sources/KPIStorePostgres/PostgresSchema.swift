import KPISchema
import KPIStore

/// Creates and updates the PostgreSQL tables from ``ReferenceSchema`` — the schema SQLite's migrations
/// produce — and records which migrations the database has, in `kpibridge_schema`.
///
/// Carried over: new tables, new columns (with their defaults) and indexes; views are recreated. Text
/// columns use the "C" collation so keys sort byte by byte as in SQLite, which the ordered merges and
/// byte-identical exports rely on. A migration that changes a column's type would need its own step here.
enum PostgresSchema {
    static func bringUpToDate(_ store: PostgresStore, schema: String?) throws {
        try store.write { session in
            // Two processes opening a new schema at once: the second waits here, then finds it done. The
            // lock comes first: concurrent `CREATE SCHEMA IF NOT EXISTS` can still fail on the catalog's
            // unique index (found by Reliability/concurrent.py), and current_schema() is NULL until the
            // schema exists, so the key is the name asked for.
            try session.execute("""
                SELECT pg_advisory_xact_lock(hashtext('kpibridge schema ' || coalesce(CAST(? AS text), current_schema())))
                """, [schema.map(StoreValue.text) ?? .null])
            if let schema {
                try session.execute("CREATE SCHEMA IF NOT EXISTS \(StoreTable.quote(schema))", [])
            }
            try session.execute("""
                CREATE TABLE IF NOT EXISTS kpibridge_schema (migration text COLLATE "C" PRIMARY KEY, applied_at text NOT NULL)
                """, [])
            try session.execute("""
                CREATE TABLE IF NOT EXISTS kpibridge_run_lock (
                    id integer PRIMARY KEY CHECK (id = 1), pid integer NOT NULL, host text NOT NULL,
                    command text NOT NULL, since text NOT NULL)
                """, [])
            let applied = Set(try session.rows("SELECT migration FROM kpibridge_schema", []).map { try $0.text(0) })
            let missing = ReferenceSchema.migrationIdentifiers.filter { !applied.contains($0) }
            guard !missing.isEmpty else { return }
            // Only now is the reference built (an in-memory SQLite, migrated): an up-to-date database,
            // which is every open but the first, skips it.
            let reference = try ReferenceSchema.current()

            // Only views are dropped: a name that is a table here and a view in the reference (the roster before
            // v23) stays a table until its migration's statements below have moved its rows.
            let existingViews = Set(try session.rows("""
                SELECT table_name FROM information_schema.views WHERE table_schema = current_schema()
                """, []).map { try $0.text(0) })
            // Last first: a view may read an earlier one (the metric views read `roster`).
            for view in reference.views.reversed() where existingViews.contains(view.table.name) {
                try session.execute("DROP VIEW \(StoreTable.quote(view.table.name))", [])
            }
            for table in reference.tables {
                try session.execute(createSQL(table), [])
                let present = Set(try session.rows("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = ?
                    """, [.text(table.name)]).map { try $0.text(0) })
                for column in table.columns where !present.contains(column.name) {
                    try session.execute("ALTER TABLE \(StoreTable.quote(table.name)) ADD COLUMN \(definition(column))", [])
                }
            }
            for index in reference.indexes {
                try session.execute("""
                    CREATE INDEX IF NOT EXISTS \(StoreTable.quote(index.name)) ON \(StoreTable.quote(index.table)) \
                    (\(index.columns.map(StoreTable.quote).joined(separator: ", ")))
                    """, [])
            }
            // What the missing migrations do to stored rows, as SQLite's did inside them (before the views,
            // which may take the name of a table these retire). A migration that reads a table a new database
            // never had is skipped there.
            let baseTables = Set(try session.rows("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                """, []).map { try $0.text(0) })
            for migration in missing {
                if let former = DataMigration.readsFormerTable[migration], !baseTables.contains(former) { continue }
                for statement in DataMigration.statements[migration] ?? [] { try session.execute(statement, []) }
                for statement in DataMigration.postgresStatements[migration] ?? [] { try session.execute(statement, []) }
            }
            for view in reference.views {
                try session.execute(view.createSQL, [])
            }
            let now = Instant.now().iso8601
            for migration in missing {
                try session.execute("INSERT INTO kpibridge_schema (migration, applied_at) VALUES (?, ?)",
                                    [.text(migration), .text(now)])
            }
        }
    }

    static func createSQL(_ table: ReferenceSchema.Table) -> String {
        var parts = table.columns.map(definition)
        // A table without a key (record_credits: its writer puts each row once) gets none here either.
        if !table.columns.contains(where: \.generated), !table.primaryKey.isEmpty {
            parts.append("PRIMARY KEY (\(table.primaryKey.map(StoreTable.quote).joined(separator: ", ")))")
        }
        return "CREATE TABLE IF NOT EXISTS \(StoreTable.quote(table.name)) (\n    \(parts.joined(separator: ",\n    "))\n)"
    }

    static func definition(_ column: ReferenceSchema.Column) -> String {
        var sql = StoreTable.quote(column.name) + " "
        switch column.type {
        case .text: sql += "text COLLATE \"C\""
        case .integer: sql += "bigint"
        case .numeric: sql += "numeric"
        }
        if column.generated { return sql + " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" }
        if column.notNull { sql += " NOT NULL" }
        if let value = column.defaultSQL { sql += " DEFAULT \(value)" }
        return sql
    }
}
