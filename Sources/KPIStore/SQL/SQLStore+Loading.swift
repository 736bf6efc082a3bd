import KPISchema

extension SQLStore {
    package func load(_ file: FileToLoad, reader: inout any RecordReader) throws -> ReadStats {
        try write { session in
            var sink = SQLRecordSink(session: session, file: file)
            let stats = try reader.read(into: &sink)
            try sink.finish()
            try session.execute("""
                INSERT INTO load_ledger (file_sha256, file, connector, bytes, encoding, rows_read, rows_skipped,
                    rows_loaded, rows_quarantined, records, run_id, loaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(file.fingerprint.sha256), .text(file.path), .text(file.connector), .of(file.fingerprint.byteCount),
                      .text(file.encoding), .of(stats.rowsRead), .of(stats.rowsSkipped), .of(stats.rowsLoaded),
                      .of(stats.rowsQuarantined), .of(stats.recordsEmitted), .of(file.runID), .text(file.at.iso8601)])
            return stats
        }
    }
}

/// Writes a file's records inside its transaction, one writer per statement, and notes what they
/// changed for the next refresh.
struct SQLRecordSink: RecordSink {
    let session: any SQLSession
    let file: FileToLoad
    /// Keyed by table (each table has one statement): hashing the whole statement, SQL text and all,
    /// for every record was a visible share of a load.
    private var writers: [String: any SQLRowWriter] = [:]
    private let pending: PendingChangeWriter
    /// Tracking numbers this file has scans of, whose earlier scans it replaced.
    private var parcels: Set<String> = []

    init(session: any SQLSession, file: FileToLoad) {
        self.session = session
        self.file = file
        pending = PendingChangeWriter(session: session)
    }

    mutating func accept(_ record: NormalizedRecord) throws {
        // A tracker lists every scan of a parcel each time: the latest file about a parcel is what is known
        // of it, so a corrected or withdrawn scan does not live on beside its correction.
        if case .flat(let flat) = record, flat.kind == .trackingEvent, case .text(let number)? = flat.values.first,
           parcels.insert(number).inserted {
            _ = try session.execute("DELETE FROM tracking_events WHERE tracking_number = ?", [.text(number)])
        }
        let (statement, values) = RecordUpserts.values(record)
        try writer(statement).append(values)
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        try writer(RecordUpserts.quarantine).append([
            .of(file.runID), .text(row.connector), .text(row.file), .text(file.fingerprint.sha256), .of(row.line),
            .of(row.column), .text(row.reason.en), .text(row.reason.zh), .text(row.raw)])
    }

    /// Writes what the writers hold back, then what they changed.
    func finish() throws {
        for writer in writers.values { try writer.finish() }
        try pending.finish()
    }

    private mutating func writer(_ statement: UpsertStatement) throws -> any SQLRowWriter {
        if let writer = writers[statement.table] { return writer }
        let pending = pending
        let writer = try session.writer(statement) { try pending.take($0) }
        writers[statement.table] = writer
        return writer
    }
}
