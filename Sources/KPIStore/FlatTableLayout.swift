import KPISchema

/// The SQL columns of a plain-data kind's table, derived from its ``RecordSchema``.
///
/// A date-time field takes two columns, the UTC instant and the zone it was written in (`created_at`,
/// `created_at_zone`); key columns are NOT NULL with `''` for an absent part, so SQL's NULL ≠ NULL
/// cannot let a repeated record in twice.
package struct FlatTableLayout: Sendable {
    package let kind: FlatKind
    package let columns: [String]
    package let keyColumns: [String]

    private static let layouts = Dictionary(uniqueKeysWithValues: FlatKind.allCases.map { ($0, FlatTableLayout($0)) })

    /// The kind's layout, computed once.
    static func of(_ kind: FlatKind) -> FlatTableLayout { layouts[kind]! }

    static let lineage = ["connector", "source_file", "source_line", "content_hash", "run_id"]

    package init(_ kind: FlatKind) {
        self.kind = kind
        let schema = kind.schema
        var columns: [String] = []
        for field in schema.fields {
            columns.append(field.name)
            if field.type == .datetime { columns.append(field.name + "_zone") }
        }
        self.columns = columns + Self.lineage
        keyColumns = schema.key
    }

    /// `CREATE TABLE` for the kind, in the SQL both stores accept.
    var createSQL: String { createSQL(asOf: nil) }

    /// `CREATE TABLE` with the columns the kind had at store migration `migration` (every column when nil):
    /// a migration creates a table as it stood then, and later ones add what came after (``addedColumns(in:)``).
    func createSQL(asOf migration: Int?) -> String {
        let schema = kind.schema
        var definitions: [String] = []
        var present: [String] = []
        for field in schema.fields where migration == nil || (field.since ?? 0) <= migration! {
            present.append(field.name)
            let isKey = Self.isKey(field.name, of: kind, asOf: migration)
            let type = field.type == .integer ? "INTEGER" : "TEXT"
            definitions.append("\(StoreTable.quote(field.name)) \(type)" + (isKey ? " NOT NULL DEFAULT ''" : ""))
            if field.type == .datetime { definitions.append("\(StoreTable.quote(field.name + "_zone")) TEXT") }
        }
        definitions.append("connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, content_hash TEXT NOT NULL, run_id INTEGER NOT NULL")
        let key = keyColumns.filter { present.contains($0) && Self.isKey($0, of: kind, asOf: migration) }
        definitions.append("PRIMARY KEY (\(key.map(StoreTable.quote).joined(separator: ", ")))")
        return "CREATE TABLE \(StoreTable.quote(Self.table(of: kind, asOf: migration))) (\n    "
            + definitions.joined(separator: ",\n    ") + "\n)"
    }

    /// The kind's table name at store migration `migration`: the roster's rows were `roster` until v23 made
    /// them dated snapshots (`roster_snapshots`, keyed by person and date) and `roster` a view of the latest.
    /// Whether `column` was part of the kind's key at store migration `migration`: a manual rating's rater joined
    /// it at v26 (several raters of one criterion, 360).
    static func isKey(_ column: String, of kind: FlatKind, asOf migration: Int?) -> Bool {
        if kind == .manualRating, column == "rater", let migration, migration < 26 { return false }
        return kind.schema.key.contains(column)
    }

    static func table(of kind: FlatKind, asOf migration: Int?) -> String {
        if kind == .roster, let migration, migration < 23 { return "roster" }
        return kind.schema.table
    }

    /// `ALTER TABLE … ADD COLUMN` for the fields store migration `migration` added to the kind.
    func addedColumns(in migration: Int) -> [String] {
        let table = StoreTable.quote(kind.schema.table)
        return kind.schema.fields.filter { $0.since == migration }.flatMap { field in
            let type = field.type == .integer ? "INTEGER" : "TEXT"
            return ["ALTER TABLE \(table) ADD COLUMN \(StoreTable.quote(field.name)) \(type)"]
                + (field.type == .datetime ? ["ALTER TABLE \(table) ADD COLUMN \(StoreTable.quote(field.name + "_zone")) TEXT"] : [])
        }
    }

    /// The upsert: a record with the same key and different data replaces the stored one (the later file
    /// wins), an identical one changes nothing, lineage included; for a kind that feeds metrics it reports
    /// the new and former dates (see ``ChangeTracking``).
    var upsert: UpsertStatement {
        let table = kind.schema.table
        return ChangeTracking.upsert(table: table, columns: columns, key: keyColumns,
                                     data: columns.filter { !keyColumns.contains($0) && !Self.lineage.contains($0) },
                                     dates: kind.feedsMetrics ? dateColumns : [], orderKey: false,
                                     reports: kind.feedsMetrics)
    }

    /// The columns holding a date or a date-time's UTC instant.
    var dateColumns: [String] {
        kind.schema.fields.filter { $0.type == .date || $0.type == .datetime }.map(\.name)
    }

    /// The values in column order; absent key parts as `''`.
    func arguments(_ record: FlatRecord) -> [StoreValue] {
        let schema = kind.schema
        var out: [StoreValue] = []
        out.reserveCapacity(columns.count)
        for (field, value) in zip(schema.fields, record.values) {
            let isKey = schema.key.contains(field.name)
            switch value {
            case nil:
                out.append(isKey ? .text("") : .null)
                if field.type == .datetime { out.append(.null) }
            case .integer(let v)?:
                out.append(.integer(Int64(v)))
            case .timestamp(let t)?:
                out.append(.text(t.instant.iso8601))
                out.append(.text(t.zone))
            case let other?:
                out.append(.text(other.storageText))
            }
        }
        let l = record.lineage
        return out + [.text(l.connector), .text(l.file), .integer(Int64(l.line)), .text(l.contentHash), .integer(l.runID)]
    }
}

/// A value bound to a statement, independent of the database driver.
package enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
}
