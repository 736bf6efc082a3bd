import KPISchema

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

    /// The referral commission and the part of it kept on a refund: `margin_fees: referral`.
    static let referral: Set<String> = ["Commission", "RefundCommission"]

    static func isMarginFee(_ description: String?) -> Bool {
        description.map(descriptions.contains) ?? false
    }

    /// Whether a profile deducting `fees` deducts a row so described.
    static func deducts(_ description: String?, under fees: MarginFees) -> Bool {
        switch fees {
        case .none: false
        case .referral: description.map(referral.contains) ?? false
        case .settlement: isMarginFee(description)
        }
    }
}
