import Foundation
import KPISchema

extension SQLStore {
    package func replaceScores(_ scores: [ScoreFact], pacing: [PacingFact], providers: [ProviderStatusFact],
                              runID: Int64) throws -> ScoreWriteResult {
        let scoreRows: [[StoreValue]] = scores.map { s in
            [.text(s.grain.rawValue), .text(s.periodStart.description), .text(s.periodEnd.description),
             .text(s.scopeType.rawValue), .text(s.scopeID), .text(s.name), .text(s.role), .text(s.scorecard), .text(s.line),
             .of(s.profile), .of(s.definition), .of(s.target), .of(s.targetBasis?.en), .of(s.targetBasis?.zh), .of(s.actual), .of(s.recordCount),
             .of(s.achievement), .of(s.achievementUncapped), .of(s.weight), .of(s.effectiveWeight), .of(s.points), .of(s.total), .text(s.grade),
             .of(s.veto?.en), .of(s.veto?.zh), .of(s.note?.en), .of(s.note?.zh), .of(s.bonus), .of(s.review?.en), .of(s.review?.zh)]
        }
        let pacingRows: [[StoreValue]] = pacing.map { p in
            [.text(p.grain.rawValue), .text(p.periodStart.description), .text(p.periodEnd.description),
             .text(p.asOf.description), .of(p.elapsedShare), .text(p.scopeType.rawValue), .text(p.scopeID),
             .text(p.scorecard), .text(p.line), .of(p.target), .of(p.actual), .of(p.projected), .of(p.gap),
             .text(p.status.rawValue)]
        }
        let providerRows: [[StoreValue]] = providers.map { p in
            [.text(p.provider), .text(p.grain.rawValue), .text(p.periodStart.description), .text(p.periodEnd.description),
             .text(p.before.rawValue), .text(p.after.rawValue), .text(p.result.rawValue), .text(p.failing),
             .of(p.consecutiveFails), .of(p.consecutivePasses), .of(p.review?.en), .of(p.review?.zh)]
        }
        return try write { session in
            var result = ScoreWriteResult()
            // A closed period's cards and provider steps stay as the close left them.
            let closed = try Self.closedPeriods(in: session)
            result.scores = try KeyedTableWriter(
                .factScore, numeric: ["target", "actual", "achievement", "achievement_uncapped", "weight", "effective_weight", "points", "total",
                                      "bonus_coefficient"]
            ).replace(with: scoreRows, runID: runID, in: session, frozen: closed)
            result.pacing = try KeyedTableWriter(
                .factPacing, numeric: ["elapsed_share", "target", "actual", "projected", "gap"]
            ).replace(with: pacingRows, runID: runID, in: session)
            result.providers = try KeyedTableWriter(.providerStatus, numeric: [])
                .replace(with: providerRows, runID: runID, in: session, frozen: closed)
            return result
        }
    }

    package func factMetrics() throws -> [FactMetric] {
        // Numbers come back as text so decimals are exact (SQLite's NUMERIC columns hold doubles).
        let sql = """
            SELECT grain, period_start, period_end, timezone, scope_type, scope_id, metric, profile, profile_version,
                   definition, CAST(value AS TEXT), CAST(numerator AS TEXT), CAST(denominator AS TEXT), unit, currency,
                   record_count
            FROM fact_metric ORDER BY grain, period_start, scope_type, scope_id, metric, profile
            """
        return try read { session in
            var out: [FactMetric] = []
            try session.forEach(sql) { row in
                guard let grain = Grain(rawValue: try row.text(0)), let scope = ScopeType(rawValue: try row.text(4)),
                      let value = Decimal(string: try row.text(10)) else { return }
                out.append(FactMetric(
                    grain: grain, periodStart: try row.date(1), periodEnd: try row.date(2), timezone: try row.text(3),
                    scopeType: scope, scopeID: try row.text(5), metric: try row.text(6), profile: try row.text(7),
                    profileVersion: try row.int(8), definition: try row.text(9), value: value,
                    numerator: try row.optionalText(11).flatMap { Decimal(string: $0) },
                    denominator: try row.optionalText(12).flatMap { Decimal(string: $0) },
                    unit: try row.text(13), currency: try row.optionalText(14), recordCount: try row.int(15)))
            }
            return out
        }
    }
}
