import KPISchema

/// Which files made a closed period's fact differ, for its restatement's cause.
extension SQLStore {
    /// For each restatement `runID` wrote, the files loaded after its period was closed whose records are behind
    /// the fact now (read through the lineage relation), in name order, each marked a correction when a file of
    /// the same name was loaded before the close.
    package func restatementSources(runID: Int64) throws -> [(restatement: Restatement, files: [(file: String, correction: Bool)])] {
        let restated = try restatements().filter { $0.runID == runID }
        guard !restated.isEmpty else { return [] }
        return try read { session in
            let closes = try Self.closedPeriods(in: session)
            return try restated.map { r in
                let period = r.grain.period(containing: r.periodStart)
                guard let closedRun = closes.closes.filter({ $0.holds(period) }).map(\.runID).min() else { return (r, []) }
                let files = try session.rows("""
                    SELECT DISTINCT l.source_file,
                           CASE WHEN EXISTS (SELECT 1 FROM load_ledger e WHERE e.file = l.source_file AND e.run_id <= ?) THEN 1 ELSE 0 END
                    FROM v_fact_lineage l
                    WHERE l.grain = ? AND l.period_start = ? AND l.scope_type = ? AND l.scope_id = ? AND l.metric = ? AND l.profile = ?
                        AND EXISTS (SELECT 1 FROM load_ledger n WHERE n.file = l.source_file AND n.run_id > ?)
                    ORDER BY l.source_file
                    """, [.integer(closedRun), .text(r.grain.rawValue), .text(r.periodStart.description), .text(r.scopeType.rawValue),
                          .text(r.scopeID), .text(r.metric), .text(r.profile), .integer(closedRun)])
                return (r, files.map { row in
                    if case .text(let file) = row[0] { (file, row[1] == .integer(1)) } else { ("", false) }
                }.filter { !$0.0.isEmpty })
            }
        }
    }

    /// Rewrites the cause of restatements `runID` wrote.
    package func setRestatementCauses(_ causes: [(restatement: Restatement, cause: Bilingual)], runID: Int64) throws {
        guard !causes.isEmpty else { return }
        try write { session in
            for (r, cause) in causes {
                _ = try session.execute("""
                    UPDATE restatements SET cause = ?, cause_zh = ?
                    WHERE grain = ? AND period_start = ? AND scope_type = ? AND scope_id = ? AND metric = ? AND profile = ? AND run_id = ?
                    """, [.text(cause.en), .text(cause.zh), .text(r.grain.rawValue), .text(r.periodStart.description),
                          .text(r.scopeType.rawValue), .text(r.scopeID), .text(r.metric), .text(r.profile), .integer(runID)])
            }
        }
    }
}
