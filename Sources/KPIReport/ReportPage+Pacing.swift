import Foundation
import KPISchema

extension ReportPage {
    /// The period in progress: each scorecard line's projection against its target.
    struct PacingSection: Sendable {
        struct Row: Sendable {
            let who: String
            let line: String
            let target: String
            let actual: String
            let projected: String
            let gap: String
            let status: String
            /// `on_track`, `behind` or `at_risk`: the badge colour.
            let statusClass: String
        }

        let intro: String
        let rows: [Row]

        /// Nil when there are no pacing rows (no period of the grain in progress).
        init?(_ input: ReportInput, _ words: ReportWords) {
            guard let first = input.pacing.first else { return nil }
            let period = Period(grain: first.grain, start: first.periodStart, end: first.periodEnd)
            intro = words.pacingIntro(period, asOf: first.asOf, elapsed: NumberText.percent(first.elapsedShare))
            // Worst first: a manager reads the top of the list.
            let rank: [PacingFact.Status: Int] = [.atRisk: 0, .behind: 1, .onTrack: 2]
            rows = input.pacing.sorted { (rank[$0.status]!, $0.scopeID, $0.line) < (rank[$1.status]!, $1.scopeID, $1.line) }.map { fact in
                Row(who: input.names[fact.scopeID].map { "\($0) (\(fact.scopeID))" } ?? fact.scopeID,
                    line: words.line(fact.line),
                    target: NumberText.metric(fact.target, metric: fact.line),
                    actual: NumberText.metric(fact.actual, metric: fact.line),
                    projected: NumberText.metric(fact.projected, metric: fact.line),
                    gap: NumberText.percent(fact.gap),
                    status: words.status(fact.status),
                    statusClass: fact.status.rawValue)
            }
        }
    }
}
