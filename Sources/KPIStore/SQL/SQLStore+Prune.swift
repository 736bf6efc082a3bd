import KPISchema

extension SQLStore {
    package func pruneHistory(before day: CivilDate, dryRun: Bool) throws -> PruneResult {
        let prune = { (session: any SQLSession) throws -> PruneResult in
            var result = PruneResult()
            // Runs that ended (or were abandoned) before the day; the latest run always stays, so
            // `status` and the report can say how fresh the data is.
            let pruned = """
                SELECT id FROM runs
                WHERE started_at < ? AND (finished_at IS NOT NULL OR status = 'abandoned')
                  AND id <> (SELECT MAX(id) FROM runs)
                """
            let argument: [StoreValue] = [.text(day.description)]
            // A pruned file keeps its identity: re-sent, it is skipped, so an old export can never come back
            // and overwrite what later files corrected.
            try session.execute("""
                INSERT INTO pruned_files (file_sha256, file, connector, loaded_at, run_id)
                SELECT file_sha256, file, connector, loaded_at, run_id FROM load_ledger WHERE run_id IN (\(pruned))
                ON CONFLICT (file_sha256) DO NOTHING
                """, argument)
            for (table, keyPath) in [("quarantine", \PruneResult.quarantine), ("fact_changes", \PruneResult.factChanges),
                                     ("load_ledger", \PruneResult.ledger)] {
                result[keyPath: keyPath] = try session.execute(
                    "DELETE FROM \(StoreTable.quote(table)) WHERE run_id IN (\(pruned))", argument)
            }
            result.runs = try session.execute("DELETE FROM runs WHERE id IN (\(pruned))", argument)
            return result
        }
        return dryRun ? try rehearse(prune) : try write(prune)
    }
}
