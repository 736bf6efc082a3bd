/// Why one record counts differently under two definition profiles.
package enum ReconcileReason: String, Sendable, CaseIterable, Comparable {
    /// The profiles take different milestones as "shipped", and they fall in different periods
    /// (or change whether shipping was on time).
    case shippedEvent = "shipped_event"
    /// One side's "shipped" milestone is not recorded yet (no carrier scan).
    case eventMissing = "event_missing"
    /// The same instant falls in different periods in the two profiles' time zones.
    case periodBoundary = "period_boundary"
    /// A refund is deducted by a net-sales profile and not by a gross one.
    case refund
    case tax
    case shipping
    /// The amount was converted at different days' rates.
    case currency
    /// System versus counted stock.
    case inventory
    /// Calendar hours versus business hours of a shift.
    case responseTime = "response_time"
    /// Different SLA hours.
    case sla
    /// Purchase cost versus landed cost (with inbound freight).
    case costBasis = "cost_basis"
    /// A settlement fee one profile's margin deducts and the other's does not.
    case marginFees = "margin_fees"
    /// Ad sales attributed within 7 versus 14 days of the click.
    case adAttribution = "ad_attribution"
    /// A ticket one profile's complaint tags make a complaint and the other's do not.
    case complaintTags = "complaint_tags"
    /// A profile's next dated version counts the record again, in a period of its own (as when the
    /// milestone that means "shipped" changes at a month start and the new one falls after it).
    case versionChange = "version_change"

    package static func < (lhs: ReconcileReason, rhs: ReconcileReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
