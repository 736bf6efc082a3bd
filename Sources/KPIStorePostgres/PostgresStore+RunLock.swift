import KPISchema
import KPIStore

/// The run lock as a PostgreSQL advisory lock, so runs on different hosts exclude each other.
///
/// The lock belongs to the store's connection: the server frees it when that connection ends, however
/// the process died. Who holds it is written to `kpibridge_run_lock`; a row found there by a run that
/// got the lock was left by a run that died, and is reported as taken over.
extension PostgresStore {
    /// One key per schema, so workspaces sharing a database lock independently.
    static let lockKey = "hashtext('kpibridge run ' || current_schema())"

    package func acquireRunLock(_ holder: RunHolder) throws -> any RunLease {
        guard try tryAdvisoryLock() else {
            throw RunLockBusy(holder: try storedHolder(), lock: "advisory lock on \(location)")
        }
        do {
            let previous = try storedHolder()
            try write { session in
                try session.execute("""
                    INSERT INTO kpibridge_run_lock (id, pid, host, command, since) VALUES (1, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host,
                        command = excluded.command, since = excluded.since
                    """, [.integer(Int64(holder.pid)), .text(holder.host), .text(holder.command), .text(holder.since.iso8601)])
            }
            return AdvisoryRunLease(store: self, takenOver: previous)
        } catch {
            try? advisoryUnlock()
            throw error
        }
    }

    package func runLockHolder() throws -> RunHolder? {
        // Taking the lock for an instant is the only way to ask whether another session has it.
        guard try tryAdvisoryLock() else { return try storedHolder() }
        try advisoryUnlock()
        return nil
    }

    func storedHolder() throws -> RunHolder? {
        guard let row = try autocommit("SELECT pid, host, command, since FROM kpibridge_run_lock WHERE id = 1").first,
              let since = try row.optionalText(3).flatMap(Instant.init(iso8601:)) else { return nil }
        return RunHolder(pid: Int32(truncatingIfNeeded: try row.int64(0)), host: try row.text(1),
                         command: try row.text(2), since: since)
    }

    /// Empties the holder row and frees the lock.
    func releaseRunLock() {
        _ = try? write { session in try session.execute("DELETE FROM kpibridge_run_lock WHERE id = 1", []) }
        try? advisoryUnlock()
    }

    private func tryAdvisoryLock() throws -> Bool {
        try autocommit("SELECT pg_try_advisory_lock(\(Self.lockKey))").first?.first == .integer(1)
    }

    private func advisoryUnlock() throws {
        _ = try autocommit("SELECT pg_advisory_unlock(\(Self.lockKey))")
    }
}

/// A held advisory lock, freed when the lease is released.
final class AdvisoryRunLease: RunLease {
    let takenOver: RunHolder?
    private let store: PostgresStore

    init(store: PostgresStore, takenOver: RunHolder?) {
        self.store = store
        self.takenOver = takenOver
    }

    deinit { store.releaseRunLock() }
}
