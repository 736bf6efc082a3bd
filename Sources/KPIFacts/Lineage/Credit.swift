import KPISchema

/// One record counted for one scope on one day under one profile version: a row of `record_credits`, the
/// relation the lineage view joins facts to.
///
/// A record's company, platform and shop credits are one row (the shop's, or the platform's or company's when it
/// has none) with its platform beside it: the view derives the wider scopes from it, which keeps the table a
/// third of the size a row per scope would make it.
package struct Credit: Sendable, Hashable {
    package var profile: String
    package var profileVersion: Int
    package var basis: CreditBasis
    /// The record as its export keys it: `amazon 112-1182324-2043333`, a refund with its id after the order's.
    package var recordID: String
    /// The day it counts on in the profile's zone; a span (a month's traffic report) from `day` through `lastDay`.
    package var day: CivilDate
    package var lastDay: CivilDate?
    package var scopeType: ScopeType
    package var scopeID: String
    /// The platform a shop's, platform's or company's row counts in (nil for a record without one, a ticket).
    package var platform: String?
    /// False for a record the rule looked at and did not count (a cancelled order).
    package var counted: Bool
    package var lineage: Lineage

    /// The row's values in `record_credits` column order (without `run_id`).
    package var fields: [String?] {
        [profile, String(profileVersion), basis.rawValue, basis.recordKind, recordID, day.description, lastDay?.description,
         scopeType.rawValue, scopeID, platform, counted ? "1" : "0", lineage.file, String(lineage.line)]
    }
}
