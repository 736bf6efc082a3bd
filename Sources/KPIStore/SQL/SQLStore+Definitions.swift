import KPISchema

extension SQLStore {
    package func factPeriodVersions() throws -> [StoredPeriodVersion] {
        try read { session in
            try session.rows("""
                SELECT DISTINCT profile, grain, period_start, period_end, timezone, profile_version FROM fact_metric
                ORDER BY profile, grain, period_start
                """, []).compactMap { row in
                guard let grain = Grain(rawValue: try row.text(1)) else { return nil }
                return StoredPeriodVersion(profile: try row.text(0), grain: grain, periodStart: try row.date(2),
                                           periodEnd: try row.date(3), timezone: try row.text(4), version: try row.int(5))
            }
        }
    }

    package func recordedDefinitions() throws -> [DefinitionRow] {
        try read { session in
            try session.rows("""
                SELECT profile, version, effective_from, concept, variant, detail FROM definitions
                ORDER BY profile, version, concept
                """, []).map { row in
                DefinitionRow(profile: try row.text(0), version: try row.int(1),
                              effectiveFrom: try row.optionalText(2).flatMap(CivilDate.init(iso:)),
                              concept: try row.text(3), variant: try row.text(4), detail: try row.optionalText(5))
            }
        }
    }

    package func recordDefinitions(_ rows: [DefinitionRow], runID: Int64) throws {
        // `IS DISTINCT FROM` (SQLite ≥ 3.39 and PostgreSQL) compares NULLs as values: a row is rewritten,
        // and its run_id moved, only when something in it changed.
        let upsert = UpsertStatement(
            table: "definitions", columns: ["profile", "version", "effective_from", "concept", "variant", "detail", "run_id"],
            key: ["profile", "version", "concept"], resolution: """
                DO UPDATE SET effective_from = excluded.effective_from, variant = excluded.variant,
                    detail = excluded.detail, run_id = excluded.run_id
                WHERE definitions.variant IS DISTINCT FROM excluded.variant
                    OR definitions.detail IS DISTINCT FROM excluded.detail
                    OR definitions.effective_from IS DISTINCT FROM excluded.effective_from
                """)
        try write { session in
            let writer = try session.writer(upsert)
            for row in rows {
                try writer.append([.text(row.profile), .of(row.version), .of(row.effectiveFrom?.description),
                                   .text(row.concept), .text(row.variant), .of(row.detail), .integer(runID)])
            }
            try writer.finish()
        }
    }
}
