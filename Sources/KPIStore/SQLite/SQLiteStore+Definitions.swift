import GRDB
import KPISchema

extension SQLiteStore {
    public func factPeriodVersions() throws -> [StoredPeriodVersion] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT profile, grain, period_start, period_end, timezone, profile_version FROM fact_metric
                ORDER BY profile, grain, period_start
                """).compactMap { row in
                guard let grain = Grain(rawValue: row[1]), let start = CivilDate(iso: row[2]),
                      let end = CivilDate(iso: row[3]) else { return nil }
                return StoredPeriodVersion(profile: row[0], grain: grain, periodStart: start, periodEnd: end,
                                           timezone: row[4], version: row[5])
            }
        }
    }

    public func recordedDefinitions() throws -> [DefinitionRow] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT profile, version, effective_from, concept, variant, detail FROM definitions
                ORDER BY profile, version, concept
                """).map { row in
                DefinitionRow(profile: row[0], version: row[1], effectiveFrom: (row[2] as String?).flatMap(CivilDate.init(iso:)),
                              concept: row[3], variant: row[4], detail: row[5])
            }
        }
    }

    public func recordDefinitions(_ rows: [DefinitionRow], runID: Int64) throws {
        try queue.write { db in
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO definitions (profile, version, effective_from, concept, variant, detail, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile, version, concept) DO UPDATE SET effective_from = excluded.effective_from,
                    variant = excluded.variant, detail = excluded.detail, run_id = excluded.run_id
                WHERE definitions.variant IS NOT excluded.variant OR definitions.detail IS NOT excluded.detail
                    OR definitions.effective_from IS NOT excluded.effective_from
                """)
            for row in rows {
                try upsert.execute(arguments: [row.profile, row.version, row.effectiveFrom?.description, row.concept,
                                               row.variant, row.detail, runID])
            }
        }
    }
}
