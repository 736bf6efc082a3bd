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
