import Foundation
import GRDB
import KPISchema

extension SQLiteStore {
    public func replaceFactMetrics(_ facts: [FactMetric], runID: Int64) throws -> FactWriteResult {
        try queue.write { db in
            var existing: [FactMetric.Key: StoredFact] = [:]
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT grain, period_start, scope_type, scope_id, metric, profile, period_end, timezone, definition,
                    value, numerator, denominator, unit, currency, record_count
                FROM fact_metric
                """)
            while let row = try cursor.next() {
                guard let grain = Grain(rawValue: row[0]), let start = CivilDate(iso: row[1]),
                      let scope = ScopeType(rawValue: row[2]) else { continue }
                let key = FactMetric.Key(grain: grain, periodStart: start, scopeType: scope, scopeID: row[3],
                                         metric: row[4], profile: row[5])
                existing[key] = StoredFact(periodEnd: row[6], timezone: row[7], definition: row[8], value: row[9],
                                           numerator: row[10], denominator: row[11], unit: row[12], currency: row[13],
                                           recordCount: row[14])
            }

            var result = FactWriteResult()
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO fact_metric (grain, period_start, period_end, timezone, scope_type, scope_id, metric, profile,
                    definition, value, numerator, denominator, unit, currency, record_count, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (grain, period_start, scope_type, scope_id, metric, profile) DO UPDATE SET
                    period_end = excluded.period_end, timezone = excluded.timezone, definition = excluded.definition,
                    value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
                    unit = excluded.unit, currency = excluded.currency, record_count = excluded.record_count,
                    run_id = excluded.run_id
                """)
            for fact in facts {
                let stored = StoredFact(fact)
                if let old = existing.removeValue(forKey: fact.key) {
                    if old == stored { result.unchanged += 1; continue }
                    result.updated += 1
                } else {
                    result.inserted += 1
                }
                try upsert.execute(arguments: [
                    fact.grain.rawValue, fact.periodStart.description, fact.periodEnd.description, fact.timezone,
                    fact.scopeType.rawValue, fact.scopeID, fact.metric, fact.profile, fact.definition,
                    fact.value.plainString, fact.numerator?.plainString, fact.denominator?.plainString, fact.unit,
                    fact.currency, fact.recordCount, runID,
                ])
            }
            let delete = try db.cachedStatement(sql: """
                DELETE FROM fact_metric
                WHERE grain = ? AND period_start = ? AND scope_type = ? AND scope_id = ? AND metric = ? AND profile = ?
                """)
            for key in existing.keys {
                try delete.execute(arguments: [key.grain.rawValue, key.periodStart.description, key.scopeType.rawValue,
                                               key.scopeID, key.metric, key.profile])
                result.deleted += 1
            }
            return result
        }
    }
}

/// The non-key content of a stored fact, compared to decide whether a row really changed.
///
/// Numbers are compared as the doubles SQLite holds for NUMERIC columns; a fresh value converts the
/// same decimal text the same way, so an unchanged metric compares equal.
private struct StoredFact: Equatable {
    var periodEnd: String
    var timezone: String
    var definition: String
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var unit: String
    var currency: String?
    var recordCount: Int

    init(periodEnd: String, timezone: String, definition: String, value: Double?, numerator: Double?,
         denominator: Double?, unit: String, currency: String?, recordCount: Int) {
        self.periodEnd = periodEnd
        self.timezone = timezone
        self.definition = definition
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.unit = unit
        self.currency = currency
        self.recordCount = recordCount
    }

    init(_ fact: FactMetric) {
        self.init(periodEnd: fact.periodEnd.description, timezone: fact.timezone, definition: fact.definition,
                  value: Double(fact.value.plainString), numerator: fact.numerator.flatMap { Double($0.plainString) },
                  denominator: fact.denominator.flatMap { Double($0.plainString) }, unit: fact.unit,
                  currency: fact.currency, recordCount: fact.recordCount)
    }
}
