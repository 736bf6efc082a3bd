import Foundation
import KPIFacts
import KPISchema

/// The pool thresholds for service providers and how failing periods move them between tiers.
package struct ProviderPolicy: Sendable, Hashable {
    package struct Threshold: Sendable, Hashable {
        package var metric: MetricID
        package var profile: String
        /// At least this when `atLeast`, else at most.
        package var limit: Decimal
        package var atLeast: Bool

        package init(metric: MetricID, profile: String, limit: Decimal, atLeast: Bool) {
            self.metric = metric
            self.profile = profile
            self.limit = limit
            self.atLeast = atLeast
        }

        package func passes(_ value: Decimal) -> Bool { atLeast ? value >= limit : value <= limit }

        var text: String { "\(metric.rawValue) \(atLeast ? "≥" : "≤") \(limit.plainString)" }
    }

    package var grain: Grain
    package var thresholds: [Threshold]
    /// Passing periods a new provider needs to enter the pool; 0 starts it in the pool.
    package var probationPeriods: Int
    /// Consecutive failing periods that move a provider to warning, downgraded, terminated.
    package var warningAfter: Int
    package var downgradeAfter: Int
    package var terminateAfter: Int
    /// Consecutive passing periods that bring a warned or downgraded provider back to the pool.
    package var recoverAfter: Int

    package init(grain: Grain = .month, thresholds: [Threshold], probationPeriods: Int = 0, warningAfter: Int = 1,
                downgradeAfter: Int = 2, terminateAfter: Int = 3, recoverAfter: Int = 1) {
        self.grain = grain
        self.thresholds = thresholds
        self.probationPeriods = probationPeriods
        self.warningAfter = warningAfter
        self.downgradeAfter = downgradeAfter
        self.terminateAfter = terminateAfter
        self.recoverAfter = recoverAfter
    }
}

