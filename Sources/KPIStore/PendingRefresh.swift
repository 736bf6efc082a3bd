import KPISchema

/// What the store knows about bringing its fact tables up to date: the changes loaded since the last
/// completed refresh and what that refresh was computed from.
package struct PendingRefresh: Sendable, Hashable {
    /// UTC days of new or changed records since the last refresh: every date of each changed order
    /// (now and before the change) and each changed plain-data record's dates.
    package var days: Set<CivilDate> = []
    /// Orders with a new or changed record since the last refresh.
    package var orders = 0
    /// The basis (a digest of definitions, rates, roster and formulas) of the last completed refresh.
    package var basis: String?
    /// The clock of the last completed refresh: tasks fall due as time passes.
    package var asOf: Instant?

    /// Appended to the basis by a retract, so the next refresh recomputes every period even if the
    /// retract's own refresh did not finish.
    package static let afterRetract = " after a retract"

    package init(days: Set<CivilDate> = [], orders: Int = 0, basis: String? = nil, asOf: Instant? = nil) {
        self.days = days
        self.orders = orders
        self.basis = basis
        self.asOf = asOf
    }
}
