import GRDB

/// Makes a derived table (facts, reconciliation) equal a freshly computed row set, writing only the
/// rows whose content changed, so re-runs leave `run_id` and exports untouched and the run can say
/// what changed.
///
/// Numbers are compared as the doubles SQLite keeps in NUMERIC columns; fresh decimal text converts
/// the same way, so an unchanged value compares equal.
struct KeyedTableWriter {
    let table: String
    /// Every column but `run_id`, which the writer sets on rows it writes.
    let columns: [String]
    let key: [String]
    let numeric: Set<String>

    /// One row that changed, for change logs: the stored and the new values (nil when absent).
    struct Change {
        var old: [DatabaseValue]?
        var new: [DatabaseValue]?
    }

    /// A row to write, from Swift values (nil → NULL).
    static func row(_ items: [(any DatabaseValueConvertible)?]) -> [DatabaseValue] {
        items.map { $0?.databaseValue ?? .null }
    }

    /// A row's values normalised for comparison.
    private func comparable(_ row: [DatabaseValue]) -> [DatabaseValue] {
        zip(columns, row).map { column, value in
            guard numeric.contains(column) else { return value }
            switch value.storage {
            case .int64(let v): return Double(v).databaseValue
            case .string(let v): return (Double(v) ?? .nan).databaseValue
            default: return value
            }
        }
    }

    func replace(with rows: [[DatabaseValue]], runID: Int64, in db: Database,
                 onChange: (Change) throws -> Void = { _ in }) throws -> FactWriteResult {
        let keyIndexes = key.map { columns.firstIndex(of: $0)! }
        let list = columns.map(StoreTable.quote).joined(separator: ", ")
        var existing: [[DatabaseValue]: [DatabaseValue]] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(StoreTable.quote(table))")
        while let row = try cursor.next() {
            let values = (0..<columns.count).map { row[$0] as DatabaseValue }
            existing[keyIndexes.map { values[$0] }] = values
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO \(StoreTable.quote(table)) (\(list), run_id) VALUES (\(Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")))
            ON CONFLICT (\(key.map(StoreTable.quote).joined(separator: ", "))) DO UPDATE SET
            \((columns.filter { !key.contains($0) } + ["run_id"]).map { "\(StoreTable.quote($0)) = excluded.\(StoreTable.quote($0))" }.joined(separator: ", "))
            """)
        var result = FactWriteResult()
        for row in rows {
            if let old = existing.removeValue(forKey: keyIndexes.map { row[$0] }) {
                if comparable(old) == comparable(row) { result.unchanged += 1; continue }
                result.updated += 1
                try onChange(Change(old: old, new: row))
            } else {
                result.inserted += 1
            }
            try upsert.execute(arguments: StatementArguments(row + [runID.databaseValue]))
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM \(StoreTable.quote(table)) WHERE "
                                            + key.map { "\(StoreTable.quote($0)) = ?" }.joined(separator: " AND "))
        // Deleted in key order, so the change log is the same on every re-run.
        for (keyValues, old) in existing.sorted(by: { "\($0.key)" < "\($1.key)" }) {
            try delete.execute(arguments: StatementArguments(keyValues))
            result.deleted += 1
            try onChange(Change(old: old, new: nil))
        }
        return result
    }
}
