/// The settlement rows gross margin deducts under `margin_fees: settlement`: what the marketplace charges
/// for selling and fulfilling — commission (referral), fulfilment, storage, and the commission it keeps on a
/// refund (a refund's commission given back counts, negative). Advertising, subscriptions, inbound freight,
/// reimbursements, taxes and reserves are settlement rows too, and are not these fees.
enum MarginFee {
    /// The amount descriptions (`amount-description` in V2, the fee type in V1) that are margin fees.
    static let descriptions: Set<String> = [
        "Commission", "RefundCommission",
        "FBAPerUnitFulfillmentFee", "FBAPerOrderFulfillmentFee", "FBAWeightBasedFee", "FBAFulfillmentFee",
        "Storage Fee", "StorageFee", "FBAStorageFee", "FBALongTermStorageFee", "StorageRenewalBilling",
    ]

    static func isMarginFee(_ description: String?) -> Bool {
        description.map(descriptions.contains) ?? false
    }
}
