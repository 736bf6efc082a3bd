import KPISchema

extension SQLStore {
    package func abandonUnfinishedRuns(at instant: Instant) throws -> [Int64] {
        // `finished_at` stays empty: the run never finished, and its duration is unknown.
        try write { session in
            let ids = try session.rows("SELECT id FROM runs WHERE finished_at IS NULL AND status = 'running' ORDER BY id", [])
                .map { try $0.int64(0) }
            try session.execute("""
                UPDATE runs SET status = 'abandoned', message = ?, message_zh = ?
                WHERE finished_at IS NULL AND status = 'running'
                """, [.text("the process ended before the run finished (found \(instant.iso8601))"),
                      .text("进程在运行结束前终止（发现于 \(instant.iso8601)）")])
            return ids
        }
    }

    package func beginRun(command: String, at: Instant) throws -> Int64 {
        try write { session in
            let rows = try session.rows("INSERT INTO runs (command, started_at, status) VALUES (?, ?, 'running') RETURNING id",
                                        [.text(command), .text(at.iso8601)])
            return try rows[0].int64(0)
        }
    }

    package func finishRun(_ run: RunOutcome) throws {
        try write { session in
            try session.execute("""
                UPDATE runs SET finished_at = ?, status = ?, exit_code = ?, files_read = ?, files_skipped = ?,
                    rows_loaded = ?, rows_quarantined = ?, facts_written = ?, message = ?, message_zh = ?
                WHERE id = ?
                """, [.text(run.finishedAt.iso8601), .text(run.status), .of(run.exitCode), .of(run.filesRead),
                      .of(run.filesSkipped), .of(run.rowsLoaded), .of(run.rowsQuarantined), .of(run.factsWritten),
                      .of(run.message?.en), .of(run.message?.zh), .of(run.runID)])
        }
    }

    package func ledgerEntry(sha256: String) throws -> LedgerEntry? {
        try read { session in
            if let entry = try session.rows("""
                SELECT file_sha256, file, connector, run_id, loaded_at, rows_loaded, rows_quarantined
                FROM load_ledger WHERE file_sha256 = ?
                """, [.text(sha256)]).first.map({ row in
                LedgerEntry(sha256: try row.text(0), file: try row.text(1), connector: try row.text(2), runID: try row.int64(3),
                            loadedAt: try row.text(4), rowsLoaded: try row.int(5), rowsQuarantined: try row.int(6))
            }) {
                return entry
            }
            if let pruned = try session.rows("""
                SELECT file_sha256, file, connector, run_id, loaded_at FROM pruned_files WHERE file_sha256 = ?
                """, [.text(sha256)]).first.map({ row in
                LedgerEntry(sha256: try row.text(0), file: try row.text(1), connector: try row.text(2), runID: try row.int64(3),
                            loadedAt: try row.text(4), rowsLoaded: 0, rowsQuarantined: 0, pruned: true)
            }) {
                return pruned
            }
            return try session.rows("""
                SELECT file_sha256, file, connector, run_id, retracted_at FROM retracted_files WHERE file_sha256 = ?
                """, [.text(sha256)]).first.map { row in
                LedgerEntry(sha256: try row.text(0), file: try row.text(1), connector: try row.text(2), runID: try row.int64(3),
                            loadedAt: try row.text(4), rowsLoaded: 0, rowsQuarantined: 0, retracted: true)
            }
        }
    }
}
