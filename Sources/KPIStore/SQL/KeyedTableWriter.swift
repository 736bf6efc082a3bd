import Foundation
import KPISchema

/// Makes a derived table (facts, reconciliation, scores) equal a freshly computed row set, writing only
/// the rows whose content changed, so re-runs leave `run_id` and exports untouched and the run can say
/// what changed.
///
/// Numbers are compared as decimals read from the database's own text for them: SQLite keeps NUMERIC
/// columns as doubles, and its text-to-double conversion is not always Swift's (`0.005754` lands one
/// unit in the last place away), so comparing doubles could call an unchanged value changed. SQLite
/// renders a stored double back to the 15 significant digits it was written with; PostgreSQL's numerics
/// are exact.
struct KeyedTableWriter {
    let table: String
    /// Every column but `run_id`, which the writer sets on rows it writes.
    let columns: [String]
    let key: [String]
    let numeric: Set<String>

    /// One row that changed, for change logs: the stored and the new values (nil when absent).
    struct Change {
        var old: [TableValue]?
        var new: [TableValue]?
    }

    init(_ table: StoreTable, numeric: Set<String>) {
        self.table = table.name
        columns = table.columns.filter { $0 != "run_id" }
        key = table.orderBy
        self.numeric = numeric
    }

    /// Whether a stored row is one of the periods (and metrics) `scope` replaces.
    private func replaced(by scope: RecomputeScope) -> ([TableValue]) throws -> Bool {
        let period = periodReader()!, metric = columns.firstIndex(of: "metric")!
        return { row in
            // A row that does not read as a period is left alone; a full refresh replaces it.
            guard let (g, day) = try period(row) else { return false }
            return scope.replaces(g, day, metric: try row.text(metric))
        }
    }

    /// Reads a row's `grain` and `period_start`; nil for a table without them.
    private func periodReader() -> (([TableValue]) throws -> (Grain, CivilDate)?)? {
        guard let grain = columns.firstIndex(of: "grain"), let start = columns.firstIndex(of: "period_start") else { return nil }
        return { row in
            guard let g = Grain(rawValue: try row.text(grain)), let day = CivilDate(iso: try row.text(start)) else { return nil }
            return (g, day)
        }
    }

    /// A row's values normalised for comparison: numbers as decimals, whatever text or integer form
    /// they come in (`5`, `5.0`, `1.0e-05`).
    private func comparable(_ row: [TableValue]) -> [TableValue] {
        zip(columns, row).map { column, value in
            guard numeric.contains(column) else { return value }
            switch value {
            case .integer(let v): return .text(Decimal(v).description)
            case .text(let v): return .text(Decimal(string: v, locale: nil)?.description ?? v)
            case .real(let v): return .text(Decimal(shortest: v)?.description ?? String(v))
            case .null: return .null
            }
        }
    }

    /// Makes the table's rows equal `rows`; with `within`, only among the stored rows of the periods it
    /// replaces (the rows given must all be such rows), leaving the rest as they are.
    func replace(with rows: some Sequence<[StoreValue]>, runID: Int64, in session: any SQLSession,
                 within: RecomputeScope? = nil, frozen: ClosedPeriods = ClosedPeriods(),
                 onFrozen: (Change, _ same: Bool) throws -> Void = { _, _ in },
                 onChange: (Change) throws -> Void = { _ in }) throws -> FactWriteResult {
        var iterator = rows.makeIterator()
        return try replace(next: { iterator.next() }, runID: runID, in: session, within: within, frozen: frozen,
                           onFrozen: onFrozen, onChange: onChange)
    }

    /// Whether a row (stored or fresh) belongs to a closed period, by its `grain` and `period_start`.
    private func isFrozen(_ frozen: ClosedPeriods) -> (([TableValue]) throws -> Bool)? {
        guard !frozen.isEmpty, let period = periodReader() else { return nil }
        return { row in
            guard let (g, day) = try period(row) else { return false }
            return frozen.holds(g.period(containing: day))
        }
    }

    /// Makes the table's rows equal the rows `next` gives until it returns nil; a throw from `next`
    /// aborts the write (and the caller's transaction with it).
    ///
    /// Rows of a `frozen` (closed) period are neither written nor deleted: each fresh one is handed to
    /// `onFrozen` with the stored row it would have replaced (and whether they are the same), and each stored
    /// one no fresh row matches, with nil.
    ///
    /// Stored rows of open periods are held as digests of their key and content (``RowDigest``), not as rows:
    /// a changed row's stored values are read back by key before it is overwritten, and rows no fresh row
    /// matches by a second pass over the table, so memory follows the changes rather than the table.
    func replace(next: () throws -> [StoreValue]?, runID: Int64, in session: any SQLSession,
                 within scope: RecomputeScope? = nil, frozen: ClosedPeriods = ClosedPeriods(),
                 onFrozen: (Change, _ same: Bool) throws -> Void = { _, _ in },
                 onChange: (Change) throws -> Void = { _ in }) throws -> FactWriteResult {
        let keyIndexes = key.map { columns.firstIndex(of: $0)! }
        let select = "SELECT " + columns.map { numeric.contains($0) ? "CAST(\(StoreTable.quote($0)) AS TEXT)" : StoreTable.quote($0) }
            .joined(separator: ", ") + " FROM \(StoreTable.quote(table))"
        let within = scope.map(replaced(by:))
        let filter = scope.map { " WHERE " + $0.periodCondition() } ?? ""
        let closed = isFrozen(frozen)
        let byKey = " WHERE " + key.map { "\(StoreTable.quote($0)) = ?" }.joined(separator: " AND ")
        // Stored rows the write may replace or delete (those of the scope's periods, closed ones apart), by digest.
        var existing: [RowDigest: RowDigest] = [:]
        var kept: [[TableValue]: [TableValue]] = [:]
        try session.forEach(select + filter) { row in
            if let within, try !within(row) { return }
            if let closed, try closed(row) { kept[keyIndexes.map { row[$0] }] = row; return }
            existing[RowDigest(keyIndexes.map { row[$0] })] = RowDigest(comparable(row))
        }
        let upsert = try session.writer(UpsertStatement(replacing: table, columns: columns + ["run_id"], key: key))
        var result = FactWriteResult()
        while let row = try next() {
            let fresh = row.map(TableValue.init)
            let keyValues = keyIndexes.map { fresh[$0] }
            if let closed, try closed(fresh) {
                let old = kept.removeValue(forKey: keyValues)
                try onFrozen(Change(old: old, new: fresh), old.map { comparable($0) == comparable(fresh) } ?? false)
                continue
            }
            if let stored = existing.removeValue(forKey: RowDigest(keyValues)) {
                if stored == RowDigest(comparable(fresh)) { result.unchanged += 1; continue }
                result.updated += 1
                let old = try session.rows(select + byKey, keyValues.map(StoreValue.init)).first
                try onChange(Change(old: old, new: fresh))
            } else {
                result.inserted += 1
            }
            try upsert.append(row + [.integer(runID)])
        }
        try upsert.finish()
        if !existing.isEmpty {
            // What no fresh row matched, found again by its key's digest (only replaceable rows' keys are held).
            var gone: [(key: [TableValue], row: [TableValue])] = []
            try session.forEach(select + filter) { row in
                let keyValues = keyIndexes.map { row[$0] }
                if existing[RowDigest(keyValues)] != nil { gone.append((keyValues, row)) }
            }
            // Deleted in key order, so the change log is the same on every re-run.
            for (keyValues, old) in gone.sorted(by: { "\($0.key)" < "\($1.key)" }) {
                try session.execute("DELETE FROM \(StoreTable.quote(table))" + byKey, keyValues.map(StoreValue.init))
                result.deleted += 1
                try onChange(Change(old: old, new: nil))
            }
        }
        for (_, old) in kept.sorted(by: { "\($0.key)" < "\($1.key)" }) { try onFrozen(Change(old: old, new: nil), false) }
        return result
    }
}

extension TableValue {
    /// A bound value as it reads back from a text or integer column.
    package init(_ value: StoreValue) {
        switch value {
        case .null: self = .null
        case .integer(let v): self = .integer(v)
        case .text(let v): self = .text(v)
        }
    }
}

extension StoreValue {
    /// A stored key value bound again (keys are text or integers).
    package init(_ value: TableValue) {
        switch value {
        case .null: self = .null
        case .integer(let v): self = .integer(v)
        case .real(let v): self = .text(String(v))
        case .text(let v): self = .text(v)
        }
    }
}
