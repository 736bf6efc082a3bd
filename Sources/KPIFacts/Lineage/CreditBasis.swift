/// What about a record made it count on a day: the order's purchase, one of its refunds, its shipment…
///
/// A record can count on several days (an order on its purchase day, its refund's and its shipment's), each
/// for its own metrics. The lineage view joins a fact to the credits of the bases its metric reads, so the
/// records it lists are the ones the metric's rule looked at, on the day the rule counts them by.
package enum CreditBasis: String, Sendable, CaseIterable {
    case purchase, refund, `return`, returnClosed = "return_closed", shipment
    case ad, fee, contract, ticketCreated = "ticket_created", ticketSolved = "ticket_solved", stock, traffic, task, review

    /// The kind of record a credit of this basis names: an order's refund is the refund row, its shipment
    /// the fulfillment event that counted.
    package var recordKind: String {
        switch self {
        case .purchase: "order"
        case .refund: "refund"
        case .return, .returnClosed: "return"
        case .shipment: "fulfillment_event"
        case .ticketCreated, .ticketSolved: "ticket"
        case .ad, .fee, .contract, .stock, .traffic, .task, .review: rawValue
        }
    }

    /// The metrics that read records on this basis, as the formulas in `MetricAccumulator.metrics` do.
    package var metrics: [MetricID] {
        switch self {
        case .purchase: [.gmv, .orders, .units, .aov, .refundRate, .netSales, .cogs, .grossMargin, .tacos, .ordersPerHead,
                         .inventoryTurnover, .daysOfInventory, .sellThroughRate]
        case .refund: [.gmv, .netSales, .grossMargin, .tacos, .aov]
        case .return: [.returnRate]
        case .returnClosed: [.returnCycleDays]
        case .shipment: [.shippedOrders, .fulfillmentHours, .onTimeShipRate, .returnRate]
        case .ad: [.adSpend, .adSales, .acos, .roas, .tacos]
        case .fee: [.grossMargin]
        case .contract: [.renewalRate]
        case .ticketCreated: [.firstResponseHours, .slaResponseRate, .complaintRate, .csat]
        case .ticketSolved: [.handleHours, .fcrRate]
        case .stock: [.stockoutRate, .inventoryTurnover, .daysOfInventory, .sellThroughRate]
        case .traffic: [.sessions, .pageViews, .conversionRate]
        case .task: [.taskOnTimeRate]
        case .review: [.negativeReviewHandleHours]
        }
    }

    /// Metrics with no lineage of their own: growth compares two periods' facts (each has its lineage), buyer
    /// rates follow buyers across periods and trailing windows.
    package static let derived: Set<MetricID> = [.gmvGrowth, .trafficGrowth, .repurchaseRate, .retentionRate]
}
