/// Which marketplace fees gross margin deducts: none (product margin, 毛利 as the ERP reports it), or
/// every fee row of the settlement reports (commission, fulfilment, storage, refund commission).
package enum MarginFees: String, Sendable, CaseIterable {
    case none
    case settlement
}
