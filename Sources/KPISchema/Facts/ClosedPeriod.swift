/// A period someone closed (`kpibridge close`): its facts, reconciliation and scores stay as they stood,
/// and later changes to its records become restatements instead.
package struct ClosedPeriod: Sendable, Hashable {
    package var period: Period
    package var closedAt: Instant
    /// Who closed it (`--by`, else the user and host running the command).
    package var closedBy: String
    /// The last run whose numbers the close froze.
    package var runID: Int64

    package init(period: Period, closedAt: Instant, closedBy: String, runID: Int64) {
        self.period = period
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.runID = runID
    }

    /// Whether `other` lies within this period: a closed month holds its days and the weeks wholly inside it.
    package func holds(_ other: Period) -> Bool { period.start <= other.start && other.end <= period.end }
}
