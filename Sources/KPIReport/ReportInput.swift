import KPISchema

/// Everything one report shows, already read from the store: the report renders this and nothing else,
/// so a test can build it by hand and the same store state always gives the same bytes.
package struct ReportInput: Sendable {
    /// A definition profile as the reader meets it: `cn`, "中国团队 — Beijing calendar…".
    package struct Profile: Sendable, Hashable {
        package var name: String
        package var description: String?

        package init(name: String, description: String? = nil) {
            self.name = name
            self.description = description
        }
    }

    package var period: Period
    package var language: DisplayLanguage
    /// The profiles shown side by side, in the order of definitions.yaml.
    package var profiles: [Profile]
    /// Company-scope facts of the period's grain for the trend window (``trendPeriods``).
    package var metrics: [FactMetric]
    /// The period's `fact_score` rows, every scope.
    package var scores: [ScoreFact]
    /// Name of each roster person or provider by id (pacing rows carry only the id).
    package var names: [String: String]
    /// Team of each roster person, so cards are grouped the way the company is.
    package var teams: [String: String]
    /// `fact_pacing` rows of the latest period of this grain that has any (the one in progress).
    package var pacing: [PacingFact]
    /// Company-scope `fact_reconciliation` rows of the period.
    package var reconciliation: [ReconciliationFact]
    /// The period's `reconciliation_detail` rows.
    package var details: [ReconciliationDetail]
    /// Company-scope `fact_reconciliation_bridge` rows of the period, in key order.
    package var bridge: [BridgeStep] = []
    /// False when `reconcile.detail_grains` does not keep records for this grain.
    package var detailKept: Bool
    package var freshness: Freshness
    /// The day the data was read: when the last finished run that loaded files started, as a date in the
    /// profiles' zones, the earliest of them (Los Angeles is still on the 21st when Beijing is on the 22nd).
    /// Nil before any such run.
    package var readOn: CivilDate?

    package init(period: Period, language: DisplayLanguage, profiles: [Profile], metrics: [FactMetric] = [],
                scores: [ScoreFact] = [], names: [String: String] = [:], teams: [String: String] = [:], pacing: [PacingFact] = [],
                reconciliation: [ReconciliationFact] = [], details: [ReconciliationDetail] = [],
                detailKept: Bool = true, freshness: Freshness = Freshness()) {
        self.period = period
        self.language = language
        self.profiles = profiles
        self.metrics = metrics
        self.scores = scores
        self.names = names
        self.teams = teams
        self.pacing = pacing
        self.reconciliation = reconciliation
        self.details = details
        self.detailKept = detailKept
        self.freshness = freshness
    }

    /// Whether `period` was not over when the data was read: its last day is on or after ``readOn``.
    package func isPartial(_ period: Period) -> Bool { readOn.map { period.end >= $0 } ?? false }

    /// How many periods the trend charts span, the report's own included.
    package static let trendLength = 6

    /// The report's period and the five before it, oldest first.
    package var trendPeriods: [Period] {
        var periods = [period]
        while periods.count < Self.trendLength { periods.append(periods.last!.previous) }
        return periods.reversed()
    }
}
