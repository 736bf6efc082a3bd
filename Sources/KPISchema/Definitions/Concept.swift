/// A word the two teams use differently; a definition profile picks one variant of each.
package enum Concept: String, Sendable, CaseIterable, Comparable {
    case timezone
    case shipped
    case sales
    case tax
    case shipping
    case currency
    case shipSLAHours = "ship_sla_hours"
    case inventory
    case responseTime = "response_time"
    case responseSLAHours = "response_sla_hours"
    case adAttribution = "ad_attribution"
    case costBasis = "cogs_basis"
    case marginFees = "margin_fees"
    case complaintTags = "complaint_tags"
    case repurchaseWindow = "repurchase_window"

    package static func < (lhs: Concept, rhs: Concept) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
