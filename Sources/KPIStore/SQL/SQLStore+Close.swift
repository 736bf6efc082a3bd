import Foundation
import KPISchema

extension SQLStore {
    /// Closes `period` as the store holds it now; false when it is closed already.
    package func closePeriod(_ period: Period, by who: String, runID: Int64, at instant: Instant) throws -> Bool {
        try write { session in
            let open = try Self.closedPeriods(in: session).closes.contains { $0.period == period }
            if open { return false }
            _ = try session.execute("""
                INSERT INTO period_closes (grain, period_start, closed_at, period_end, closed_by, closed_run_id, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.text(period.grain.rawValue), .text(period.start.description), .text(instant.iso8601),
                      .text(period.end.description), .text(who), .integer(runID), .integer(runID)])
            return true
        }
    }

    /// Reopens `period` with why: its restatements go (the next refresh recomputes it); false when it was not closed.
    package func reopenPeriod(_ period: Period, by who: String, reason: String, at instant: Instant) throws -> Bool {
        try write { session in
            let changed = try session.execute("""
                UPDATE period_closes SET reopened_at = ?, reopened_by = ?, reopen_reason = ?
                WHERE grain = ? AND period_start = ? AND reopened_at IS NULL
                """, [.text(instant.iso8601), .text(who), .text(reason), .text(period.grain.rawValue), .text(period.start.description)])
            guard changed > 0 else { return false }
            _ = try session.execute("DELETE FROM restatements WHERE period_start >= ? AND period_end <= ?",
                                    [.text(period.start.description), .text(period.end.description)])
            return true
        }
    }

    /// The closes in force, oldest first.
    package func closedPeriods() throws -> ClosedPeriods {
        try read { session in try Self.closedPeriods(in: session) }
    }

    static func closedPeriods(in session: any SQLSession) throws -> ClosedPeriods {
        var closes: [ClosedPeriod] = []
        try session.forEach("""
            SELECT grain, period_start, period_end, closed_at, closed_by, closed_run_id FROM period_closes
            WHERE reopened_at IS NULL ORDER BY closed_at, grain, period_start
            """) { row in
            guard let grain = Grain(rawValue: try row.text(0)), let at = Instant(iso8601: try row.text(3)) else { return }
            closes.append(ClosedPeriod(period: Period(grain: grain, start: try row.date(1), end: try row.date(2)), closedAt: at,
                                       closedBy: try row.text(4), runID: try row.int64(5)))
        }
        return ClosedPeriods(closes)
    }

    /// Every pending restatement, in key order.
    package func restatements() throws -> [Restatement] {
        try read { session in
            var out: [Restatement] = []
            try session.forEach("""
                SELECT grain, period_start, scope_type, scope_id, metric, profile, CAST(closed_value AS TEXT),
                       CAST(current_value AS TEXT), cause, cause_zh, run_id
                FROM restatements ORDER BY grain, period_start, scope_type, scope_id, metric, profile
                """) { row in
                guard let grain = Grain(rawValue: try row.text(0)), let scope = ScopeType(rawValue: try row.text(2)) else { return }
                out.append(Restatement(grain: grain, periodStart: try row.date(1), scopeType: scope, scopeID: try row.text(3),
                                       metric: try row.text(4), profile: try row.text(5),
                                       closedValue: try row.optionalText(6).flatMap { Decimal(string: $0) },
                                       currentValue: try row.optionalText(7).flatMap { Decimal(string: $0) },
                                       cause: Bilingual(try row.text(8), try row.text(9)), runID: try row.int64(10)))
            }
            return out
        }
    }
}
