import Foundation
import KPIFacts
import KPISchema

/// Mid-period pacing: for the period still open on `today`, where each scored metric line is heading.
///
/// Expected progress is the elapsed share of the period (full days up to yesterday); a total is
/// projected to the period end by that share, a rate or mean as it stands. The projected shortfall
/// decides the status (by default on track under 16.5 %, behind to 33 %, at risk beyond).
package struct Pacer: Sendable {
    package let policy: ScoringPolicy

    package init(policy: ScoringPolicy) { self.policy = policy }

    /// Pacing rows for the cards of periods containing `today` (in the policy's zone).
    package func pace(_ scores: [ScoreFact], today: CivilDate) -> [PacingFact] {
        let asOf = today.adding(days: -1)
        var out: [PacingFact] = []
        for row in scores where row.line != "total" {
            let period = Period(grain: row.grain, start: row.periodStart, end: row.periodEnd)
            guard period.contains(today), asOf >= period.start,
                  let metric = MetricID(rawValue: row.line), let actual = row.actual, let target = row.target, target > 0,
                  let line = policy.scorecards[row.scorecard]?.lines.first(where: { $0.name == row.line }) else { continue }
            let elapsed = (Decimal(period.start.days(until: asOf) + 1) / Decimal(period.dayCount)).rounded(scale: 4)
            let projected = (metric.isAdditive ? actual / elapsed : actual).rounded(scale: 4)
            let gap = ((line.lowerIsBetter ? projected - target : target - projected) / target).rounded(scale: 4)
            let status: PacingFact.Status = gap < policy.onTrack ? .onTrack : gap <= policy.behind ? .behind : .atRisk
            out.append(PacingFact(grain: row.grain, periodStart: row.periodStart, periodEnd: row.periodEnd, asOf: asOf,
                                  elapsedShare: elapsed, scopeType: row.scopeType, scopeID: row.scopeID,
                                  scorecard: row.scorecard, line: row.line, target: target, actual: actual,
                                  projected: projected, gap: gap, status: status))
        }
        return out
    }
}
