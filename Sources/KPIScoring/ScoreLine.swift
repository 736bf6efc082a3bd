import Foundation
import KPIFacts

/// One line of a scorecard: what is measured, how much it weighs and how it is scored.
package struct ScoreLine: Sendable, Hashable {
    /// Where the actual comes from.
    package enum Source: Sendable, Hashable {
        /// A `fact_metric` value under a definition profile, at the line's scope.
        case metric(MetricID, profile: String, scope: LineScope)
        /// A supervisor's `manual_rating` (CPI), achievement = score ÷ target (or ÷ its max score).
        case rating(criterion: String)
    }

    package var source: Source
    package var weight: Decimal
    package var lowerIsBetter: Bool
    package var curve: Curve
    package var targets: TargetSchedule
    /// A rating line's 360 weights: rater role (lead, peer, cross_team …) → weight. Nil: several raters of a
    /// month count equally.
    package var raters: [String: Decimal]?

    package init(source: Source, weight: Decimal, lowerIsBetter: Bool, curve: Curve, targets: TargetSchedule,
                 raters: [String: Decimal]? = nil) {
        self.source = source
        self.weight = weight
        self.lowerIsBetter = lowerIsBetter
        self.curve = curve
        self.targets = targets
        self.raters = raters
    }

    /// The definition profile a metric line is read under; nil for a rating line.
    package var profile: String? {
        if case .metric(_, let profile, _) = source { return profile }
        return nil
    }

    /// `aov` or `rating:工作态度`, the `line` column of `fact_score`.
    package var name: String {
        switch source {
        case .metric(let metric, _, _): metric.rawValue
        case .rating(let criterion): "rating:\(criterion)"
        }
    }
}

/// Whose figure a metric line reads: the person's own records, their team's, or the company's.
package enum LineScope: String, Sendable, Hashable, CaseIterable {
    case employee, team, company
}
