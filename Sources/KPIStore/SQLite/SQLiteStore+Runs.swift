import GRDB
import KPISchema

extension SQLiteStore {
    public func beginRun(command: String, at: Instant) throws -> Int64 {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO runs (command, started_at, status) VALUES (?, ?, 'running')",
                           arguments: [command, at.iso8601])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ run: RunOutcome) throws {
        try queue.write { db in
            try db.execute(sql: """
                UPDATE runs SET finished_at = ?, status = ?, exit_code = ?, files_read = ?, files_skipped = ?,
                    rows_loaded = ?, rows_quarantined = ?, facts_written = ?, message = ?
                WHERE id = ?
                """, arguments: [run.finishedAt.iso8601, run.status, run.exitCode, run.filesRead, run.filesSkipped,
                                 run.rowsLoaded, run.rowsQuarantined, run.factsWritten, run.message, run.runID])
        }
    }

    public func ledgerEntry(sha256: String) throws -> LedgerEntry? {
        try queue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT file_sha256, file, connector, run_id, loaded_at, rows_loaded, rows_quarantined
                FROM load_ledger WHERE file_sha256 = ?
                """, arguments: [sha256]).map { row in
                LedgerEntry(sha256: row[0], file: row[1], connector: row[2], runID: row[3], loadedAt: row[4],
                            rowsLoaded: row[5], rowsQuarantined: row[6])
            }
        }
    }
}
