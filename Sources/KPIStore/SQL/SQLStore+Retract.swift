import KPISchema

/// A loaded file a retract re-reads: records of the keys the retracted file held come back from it.
package struct RetractReplay {
    /// The file as the ledger names it, with its original run (lineage stays as the first load wrote it).
    package var file: FileToLoad
    /// Opens the file with the connector and settings it was loaded with.
    package var open: () throws -> any RecordReader

    package init(file: FileToLoad, open: @escaping () throws -> any RecordReader) {
        self.file = file
        self.open = open
    }
}

/// What a retract removed and put back.
package struct RetractOutcome: Sendable, Equatable {
    /// Rows removed per record table, for the rows the file was the source of.
    package var removed: [String: Int] = [:]
    /// Records other files supplied again for those keys (each upserted under the usual rules).
    package var reapplied = 0
    package var quarantineRemoved = 0
    package var ledgerRemoved = 0

    package init(removed: [String: Int] = [:], reapplied: Int = 0, quarantineRemoved: Int = 0, ledgerRemoved: Int = 0) {
        self.removed = removed
        self.reapplied = reapplied
        self.quarantineRemoved = quarantineRemoved
        self.ledgerRemoved = ledgerRemoved
    }
}

extension SQLStore {
    /// Every file the store holds records of: the ledger, and the identities pruned ledger rows left
    /// (their records stay), in load order.
    package func loadedFiles() throws -> [LedgerEntry] {
        try read { session in
            let ledger = try session.rows("""
                SELECT file_sha256, file, connector, run_id, loaded_at, rows_loaded, rows_quarantined FROM load_ledger
                """, []).map { row in
                LedgerEntry(sha256: try row.text(0), file: try row.text(1), connector: try row.text(2), runID: try row.int64(3),
                            loadedAt: try row.text(4), rowsLoaded: try row.int(5), rowsQuarantined: try row.int(6))
            }
            let pruned = try session.rows("SELECT file_sha256, file, connector, run_id, loaded_at FROM pruned_files", []).map { row in
                LedgerEntry(sha256: try row.text(0), file: try row.text(1), connector: try row.text(2), runID: try row.int64(3),
                            loadedAt: try row.text(4), rowsLoaded: 0, rowsQuarantined: 0, pruned: true)
            }
            return (ledger + pruned).sorted { ($0.runID, $0.loadedAt, $0.file, $0.sha256) < ($1.runID, $1.loadedAt, $1.file, $1.sha256) }
        }
    }

    /// Removes every record `file` is the source of, its quarantined rows and its ledger entries, then
    /// re-applies from `replay` (in order, with the usual latest-version-wins rules) the records of exactly
    /// the keys it removed — the versions the retracted file had replaced. One transaction: on any error
    /// nothing changed.
    ///
    /// A record equal to one loaded earlier keeps the earlier file as its source, so only keys whose
    /// stored row came from `file` are touched. Carrier scans are handled per parcel, as they load.
    package func retract(file: String, replay: [RetractReplay]) throws -> RetractOutcome {
        try write { session in
            var outcome = RetractOutcome()
            var held: [String: Set<[String]>] = [:]
            for (table, key) in RetractKeys.tables {
                let quoted = key.map(StoreTable.quote).joined(separator: ", ")
                let keys = try session.rows("SELECT DISTINCT \(quoted) FROM \(StoreTable.quote(table)) WHERE source_file = ?", [.text(file)])
                    .map { row in row.map(RetractKeys.text) }
                guard !keys.isEmpty else { continue }
                held[table] = Set(keys)
                // Scans go per parcel (a file's scans of a parcel replace every earlier one), rows per key.
                let removed = try session.execute("DELETE FROM \(StoreTable.quote(table)) WHERE source_file = ?", [.text(file)])
                    + (table == RetractKeys.trackingTable
                       ? try keys.reduce(0) { $0 + (try session.execute("DELETE FROM \(StoreTable.quote(table)) WHERE tracking_number = ?", [.text($1[0])])) }
                       : 0)
                outcome.removed[table] = removed
            }
            outcome.quarantineRemoved = try session.execute("DELETE FROM quarantine WHERE file = ?", [.text(file)])
            outcome.ledgerRemoved = try session.execute("DELETE FROM load_ledger WHERE file = ?", [.text(file)])
                + (try session.execute("DELETE FROM pruned_files WHERE file = ?", [.text(file)]))
            guard !held.isEmpty else { return outcome }
            for source in replay {
                var sink = RetractReplaySink(base: SQLRecordSink(session: session, file: source.file), held: held)
                var reader = try source.open()
                _ = try reader.read(into: &sink)
                try sink.base.finish()
                outcome.reapplied += sink.reapplied
            }
            return outcome
        }
    }
}

/// Which rows of each record table a retract removes and restores together.
enum RetractKeys {
    static let trackingTable = FlatKind.trackingEvent.schema.table

    /// Each record table and the columns identifying what one file's row stands for: the primary key,
    /// except carrier scans, which a file states per parcel.
    static let tables: [(table: String, key: [String])] =
        [RecordUpserts.order, RecordUpserts.orderLine, RecordUpserts.fulfillmentEvent, RecordUpserts.refund, RecordUpserts.return]
            .map { ($0.table, $0.key) }
        + FlatKind.allCases.map { kind in
            (kind.schema.table, kind == .trackingEvent ? ["tracking_number"] : FlatTableLayout.of(kind).keyColumns)
        }

    static let keyByTable = Dictionary(uniqueKeysWithValues: tables.map { ($0.table, $0.key) })

    /// A key part as text, the same from a stored row and from a value about to be written.
    static func text(_ value: TableValue) -> String {
        switch value {
        case .null: ""
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): v
        }
    }

    static func text(_ value: StoreValue) -> String {
        switch value {
        case .null: ""
        case .integer(let v): String(v)
        case .text(let v): v
        }
    }
}

/// Passes on the records of the keys a retracted file held, and nothing else (quarantined rows of the
/// replayed file are already stored under its name).
struct RetractReplaySink: RecordSink {
    var base: SQLRecordSink
    let held: [String: Set<[String]>]
    private(set) var reapplied = 0

    init(base: SQLRecordSink, held: [String: Set<[String]>]) {
        self.base = base
        self.held = held
    }

    mutating func accept(_ record: NormalizedRecord) throws {
        let (statement, values) = RecordUpserts.values(record)
        guard let keys = held[statement.table], let columns = RetractKeys.keyByTable[statement.table] else { return }
        let key = columns.map { RetractKeys.text(values[statement.columns.firstIndex(of: $0)!]) }
        guard keys.contains(key) else { return }
        try base.accept(record)
        reapplied += 1
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {}
}
