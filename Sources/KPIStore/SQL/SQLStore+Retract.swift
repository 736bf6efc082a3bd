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

/// The keys a retract rebuilds, per record table: each row stored under one of them is removed and put
/// back from the other loaded files.
package struct RetractHeld: Sendable, Equatable {
    package var keys: [String: Set<[String]>] = [:]

    package init(keys: [String: Set<[String]>] = [:]) {
        self.keys = keys
    }

    /// The record tables touched.
    package var tables: Set<String> { Set(keys.keys) }

    mutating func insert(_ key: [String], into table: String) {
        keys[table, default: []].insert(key)
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

    /// The keys retracting `file` rebuilds: every key the file itself emits (`emitted` reads it again) —
    /// including rows a later file has replaced since, which may still carry a value it kept from this one —,
    /// every row whose source it is (carrier events derived from its scans among them), and the carrier
    /// events derived through the tracking links it supplied.
    package func retractHeld(file: String, emitted: inout any RecordReader) throws -> RetractHeld {
        var collector = RetractKeyCollector()
        _ = try emitted.read(into: &collector)
        var held = collector.held
        try read { session in
            for (table, key) in RetractKeys.tables {
                let quoted = key.map(StoreTable.quote).joined(separator: ", ")
                for row in try session.rows("SELECT DISTINCT \(quoted) FROM \(StoreTable.quote(table)) WHERE source_file = ?", [.text(file)]) {
                    held.insert(row.map(RetractKeys.text), into: table)
                }
            }
            for link in held.keys[RetractKeys.linksTable] ?? [] {
                let derived = try session.rows("""
                    SELECT platform, order_id, kind FROM fulfillment_events
                    WHERE platform = ? AND order_id = ? AND tracking_number = ? AND authority_rank = ?
                    """, [.text(link[1]), .text(link[2]), .text(link[0]), .integer(Int64(EventAuthority.carrier.rank))])
                for row in derived { held.insert(row.map(RetractKeys.text), into: RecordUpserts.fulfillmentEvent.table) }
            }
        }
        return held
    }

    /// Removes every row under a `held` key, the file's quarantined rows and ledger entry (keeping its
    /// identity in `retracted_files`, so the same bytes never load again), then re-applies from `replay` (in
    /// load order, under the usual latest-version-wins rules) the records of exactly those keys, and marks
    /// the refresh basis so the next refresh recomputes every period even if this job's does not finish.
    /// One transaction: on any error nothing changed.
    package func retract(_ entry: LedgerEntry, held: RetractHeld, replay: [RetractReplay], runID: Int64, at: Instant) throws -> RetractOutcome {
        try write { session in
            var outcome = RetractOutcome()
            for (table, keys) in held.keys.sorted(by: { $0.key < $1.key }) {
                let columns = RetractKeys.keyByTable[table]!
                let condition = columns.map { "\(StoreTable.quote($0)) = ?" }.joined(separator: " AND ")
                var removed = 0
                for key in keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    removed += try session.execute("DELETE FROM \(StoreTable.quote(table)) WHERE \(condition)", key.map { .text($0) })
                }
                if removed > 0 { outcome.removed[table] = removed }
            }
            outcome.quarantineRemoved = try session.execute("DELETE FROM quarantine WHERE file_sha256 = ?", [.text(entry.sha256)])
            outcome.ledgerRemoved = try session.execute("DELETE FROM load_ledger WHERE file_sha256 = ?", [.text(entry.sha256)])
                + (try session.execute("DELETE FROM pruned_files WHERE file_sha256 = ?", [.text(entry.sha256)]))
            try session.execute("""
                INSERT INTO retracted_files (file_sha256, file, connector, loaded_run_id, retracted_at, run_id) VALUES (?, ?, ?, ?, ?, ?)
                """, [.text(entry.sha256), .text(entry.file), .text(entry.connector), .integer(entry.runID), .text(at.iso8601), .integer(runID)])
            for source in replay where !held.keys.isEmpty {
                var sink = RetractReplaySink(base: SQLRecordSink(session: session, file: source.file), held: held.keys)
                var reader = try source.open()
                _ = try reader.read(into: &sink)
                try sink.base.finish()
                outcome.reapplied += sink.reapplied
            }
            try session.execute("UPDATE refresh_state SET basis = basis || ?", [.text(PendingRefresh.afterRetract)])
            return outcome
        }
    }
}

/// Which rows of each record table a retract removes and restores together.
enum RetractKeys {
    static let trackingTable = FlatKind.trackingEvent.schema.table
    static let linksTable = FlatKind.trackingLink.schema.table

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

    /// The table and retract key of a record about to be written.
    static func key(of record: NormalizedRecord) -> (table: String, key: [String])? {
        let (statement, values) = RecordUpserts.values(record)
        guard let columns = keyByTable[statement.table] else { return nil }
        return (statement.table, columns.map { text(values[statement.columns.firstIndex(of: $0)!]) })
    }
}

/// Collects the keys a file emits, writing nothing.
struct RetractKeyCollector: RecordSink {
    var held = RetractHeld()

    mutating func accept(_ record: NormalizedRecord) throws {
        if let (table, key) = RetractKeys.key(of: record) { held.insert(key, into: table) }
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {}
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
        guard let (table, key) = RetractKeys.key(of: record), held[table]?.contains(key) == true else { return }
        try base.accept(record)
        reapplied += 1
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {}
}
