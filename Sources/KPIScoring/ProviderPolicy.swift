import Foundation
import KPIFacts
import KPISchema

/// The pool thresholds for service providers and how failing periods move them between tiers.
public struct ProviderPolicy: Sendable, Hashable {
    public struct Threshold: Sendable, Hashable {
        public var metric: MetricID
        public var profile: String
        /// At least this when `atLeast`, else at most.
        public var limit: Decimal
        public var atLeast: Bool

        public init(metric: MetricID, profile: String, limit: Decimal, atLeast: Bool) {
            self.metric = metric
            self.profile = profile
            self.limit = limit
            self.atLeast = atLeast
        }

        public func passes(_ value: Decimal) -> Bool { atLeast ? value >= limit : value <= limit }

        var text: String { "\(metric.rawValue) \(atLeast ? "≥" : "≤") \(limit.plainString)" }
    }

    public var grain: Grain
    public var thresholds: [Threshold]
    /// Passing periods a new provider needs to enter the pool; 0 starts it in the pool.
    public var probationPeriods: Int
    /// Consecutive failing periods that move a provider to warning, downgraded, terminated.
    public var warningAfter: Int
    public var downgradeAfter: Int
    public var terminateAfter: Int
    /// Consecutive passing periods that bring a warned or downgraded provider back to the pool.
    public var recoverAfter: Int

    public init(grain: Grain = .month, thresholds: [Threshold], probationPeriods: Int = 0, warningAfter: Int = 1,
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

