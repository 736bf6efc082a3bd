/// Which marketplace fees gross margin deducts: none (product margin, 毛利 as the ERP reports it), the
/// referral commission only (what selling costs, before the seller's choice of fulfilment), or every fee
/// row of the settlement reports (commission, fulfilment, storage, refund commission).
package enum MarginFees: String, Sendable, CaseIterable {
    case none
    case referral
    case settlement

    /// Whether margin needs the settlements of every shop that sold.
    package var deductsFees: Bool { self != .none }
}
