import GRDB
import KPISchema

extension SQLiteStore {
    public func pruneHistory(before day: CivilDate, dryRun: Bool) throws -> PruneResult {
        var result = PruneResult()
        try queue.inTransaction { db in
            // Runs that ended (or were abandoned) before the day; the latest run always stays, so
            // `status` and the report can say how fresh the data is.
            try db.execute(sql: """
                CREATE TEMP TABLE pruned_runs AS
                SELECT id FROM runs
                WHERE started_at < ? AND (finished_at IS NOT NULL OR status = 'abandoned')
                  AND id <> (SELECT MAX(id) FROM runs)
                """, arguments: [day.description])
            for (table, keyPath) in [("quarantine", \PruneResult.quarantine), ("fact_changes", \PruneResult.factChanges),
                                     ("load_ledger", \PruneResult.ledger)] {
                try db.execute(sql: "DELETE FROM \(StoreTable.quote(table)) WHERE run_id IN (SELECT id FROM pruned_runs)")
                result[keyPath: keyPath] = db.changesCount
            }
            try db.execute(sql: "DELETE FROM runs WHERE id IN (SELECT id FROM pruned_runs)")
            result.runs = db.changesCount
            try db.execute(sql: "DROP TABLE pruned_runs")
            return dryRun ? .rollback : .commit
        }
        return result
    }
}
