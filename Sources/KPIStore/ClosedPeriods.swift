import KPISchema

/// The periods closed now, for the writers of derived tables: a row of a period one of them holds is kept
/// as the close left it.
package struct ClosedPeriods: Sendable, Hashable {
    package var closes: [ClosedPeriod]

    package init(_ closes: [ClosedPeriod] = []) { self.closes = closes }

    package var isEmpty: Bool { closes.isEmpty }

    /// Whether `period` lies within a closed one.
    package func holds(_ period: Period) -> Bool { closes.contains { $0.holds(period) } }
}
