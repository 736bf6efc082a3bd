/// A rung on the ladder behind "shipped": the teams disagree about which one counts.
package enum FulfillmentEventKind: String, Sendable, Codable, CaseIterable {
    /// The label was printed or bought (打单 / 交运): the China team's "shipped".
    case labelPrinted = "label_printed"
    /// The parcel left the warehouse (出库 / 发货): the warehouse's "shipped".
    case outbound
    /// The carrier's first scan (上网): the US team's "shipped".
    case carrierFirstScan = "carrier_first_scan"
    case delivered
}

/// One fulfillment milestone of an order; at most one per kind per order.
package struct FulfillmentEvent: Sendable, Hashable, Codable {
    package var key: OrderKey
    package var kind: FulfillmentEventKind
    package var occurredAt: Timestamp
    package var trackingNumber: String?
    /// Whose word this is; a source of lower authority cannot replace it (see ``EventAuthority``).
    package var authority: EventAuthority
    package var lineage: Lineage

    package init(key: OrderKey, kind: FulfillmentEventKind, occurredAt: Timestamp, trackingNumber: String?,
                authority: EventAuthority = .storefront, lineage: Lineage) {
        self.key = key
        self.kind = kind
        self.occurredAt = occurredAt
        self.trackingNumber = trackingNumber
        self.authority = authority
        self.lineage = lineage
    }
}
