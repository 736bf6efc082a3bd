import Foundation
import GRDB
import KPISchema

extension SQLiteStore {
    static let scoreWriter = KeyedTableWriter(
        table: "fact_score", columns: StoreTable.factScore.columns.filter { $0 != "run_id" },
        key: StoreTable.factScore.orderBy,
        numeric: ["target", "actual", "achievement", "weight", "effective_weight", "points", "total"])
    static let pacingWriter = KeyedTableWriter(
        table: "fact_pacing", columns: StoreTable.factPacing.columns.filter { $0 != "run_id" },
        key: StoreTable.factPacing.orderBy, numeric: ["elapsed_share", "target", "actual", "projected", "gap"])
    static let providerWriter = KeyedTableWriter(
        table: "provider_status", columns: StoreTable.providerStatus.columns.filter { $0 != "run_id" },
        key: StoreTable.providerStatus.orderBy, numeric: [])

    public func replaceScores(_ scores: [ScoreFact], pacing: [PacingFact], providers: [ProviderStatusFact],
                              runID: Int64) throws -> ScoreWriteResult {
        let scoreRows = scores.map { s in
            KeyedTableWriter.row([s.grain.rawValue, s.periodStart.description, s.periodEnd.description, s.scopeType.rawValue, s.scopeID,
                    s.name, s.role, s.scorecard, s.line, s.profile, s.definition, s.target?.plainString, s.targetBasis,
                    s.actual?.plainString, s.recordCount, s.achievement?.plainString, s.weight.plainString,
                    s.effectiveWeight.plainString, s.points?.plainString, s.total?.plainString, s.grade, s.veto, s.note])
        }
        let pacingRows = pacing.map { p in
            KeyedTableWriter.row([p.grain.rawValue, p.periodStart.description, p.periodEnd.description, p.asOf.description,
                    p.elapsedShare.plainString, p.scopeType.rawValue, p.scopeID, p.scorecard, p.line, p.target.plainString,
                    p.actual.plainString, p.projected.plainString, p.gap.plainString, p.status.rawValue])
        }
        let providerRows = providers.map { p in
            KeyedTableWriter.row([p.provider, p.grain.rawValue, p.periodStart.description, p.periodEnd.description, p.before.rawValue,
                    p.after.rawValue, p.result.rawValue, p.failing, p.consecutiveFails, p.consecutivePasses])
        }
        return try queue.write { db in
            var result = ScoreWriteResult()
            result.scores = try Self.scoreWriter.replace(with: scoreRows, runID: runID, in: db)
            result.pacing = try Self.pacingWriter.replace(with: pacingRows, runID: runID, in: db)
            result.providers = try Self.providerWriter.replace(with: providerRows, runID: runID, in: db)
            return result
        }
    }

    public func factMetrics() throws -> [FactMetric] {
        // Numbers come back as text so decimals are exact (NUMERIC columns hold doubles).
        let sql = """
            SELECT grain, period_start, period_end, timezone, scope_type, scope_id, metric, profile, profile_version,
                   definition, CAST(value AS TEXT), CAST(numerator AS TEXT), CAST(denominator AS TEXT), unit, currency,
                   record_count
            FROM fact_metric ORDER BY grain, period_start, scope_type, scope_id, metric, profile
            """
        return try queue.read { db in
            var out: [FactMetric] = []
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                guard let grain = Grain(rawValue: row[0]), let start = CivilDate(iso: row[1]), let end = CivilDate(iso: row[2]),
                      let scope = ScopeType(rawValue: row[4]), let value = Decimal(string: row[10] as String) else { continue }
                out.append(FactMetric(
                    grain: grain, periodStart: start, periodEnd: end, timezone: row[3], scopeType: scope, scopeID: row[5],
                    metric: row[6], profile: row[7], profileVersion: row[8], definition: row[9], value: value,
                    numerator: (row[11] as String?).flatMap { Decimal(string: $0) },
                    denominator: (row[12] as String?).flatMap { Decimal(string: $0) },
                    unit: row[13], currency: row[14], recordCount: row[15]))
            }
            return out
        }
    }
}
