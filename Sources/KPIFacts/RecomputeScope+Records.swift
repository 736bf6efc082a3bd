import KPISchema

extension RecomputeScope {
    /// Whether an order must be read: any of its dates (purchase, payment, fulfillment events, refunds)
    /// falls in the window. Metrics count an order only in periods containing one of those dates.
    public func reads(_ bundle: OrderBundle) -> Bool {
        if reads(bundle.order.purchasedAt.instant) { return true }
        if let paid = bundle.order.paidAt, reads(paid.instant) { return true }
        if bundle.events.values.contains(where: { reads($0.occurredAt.instant) }) { return true }
        return bundle.refunds.contains { refund in refund.refundedAt.map { reads($0.instant) } ?? false }
    }

    /// Whether a plain-data record must be read: any of its date or date-time fields falls in the window.
    public func reads(_ record: FlatRecord) -> Bool {
        record.values.contains { value in
            switch value {
            case .timestamp(let at)?: reads(at.instant)
            case .date(let day)?: reads(day)
            default: false
            }
        }
    }
}
