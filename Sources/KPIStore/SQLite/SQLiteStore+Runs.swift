import GRDB
import KPISchema

extension SQLiteStore {
    public func acquireRunLock(_ holder: RunHolder) throws -> any RunLease {
        path == ":memory:" ? NoRunLease() : try FileRunLease(path: path + ".lock", holder: holder)
    }

    public func runLockHolder() throws -> RunHolder? {
        path == ":memory:" ? nil : FileRunLease.holder(path: path + ".lock")
    }

    public func abandonUnfinishedRuns(at instant: Instant) throws -> [Int64] {
        // `finished_at` stays empty: the run never finished, and its duration is unknown.
        try queue.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE finished_at IS NULL AND status = 'running' ORDER BY id")
            try db.execute(sql: """
                UPDATE runs SET status = 'abandoned', message = ?
                WHERE finished_at IS NULL AND status = 'running'
                """, arguments: ["the process ended before the run finished (found \(instant.iso8601))"])
            return ids
        }
    }

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
