import KPISchema

/// The metrics kpibridge computes, as named in the metric catalog (README "Metrics").
package enum MetricID: String, Sendable, CaseIterable, Comparable {
    case gmv, orders, aov, units
    case shippedOrders = "shipped_orders"
    case fulfillmentHours = "fulfillment_hours"
    case onTimeShipRate = "on_time_ship_rate"
    case refundRate = "refund_rate"
    case firstResponseHours = "first_response_hours"
    case slaResponseRate = "sla_response_rate"
    case stockoutRate = "stockout_rate"
    case sessions
    case pageViews = "page_views"
    case conversionRate = "conversion_rate"
    case trafficGrowth = "traffic_growth"
    case gmvGrowth = "gmv_growth"
    case csat
    case taskOnTimeRate = "task_on_time_rate"
    case negativeReviewHandleHours = "negative_review_handle_hours"
    case netSales = "net_sales"
    case cogs
    case grossMargin = "gross_margin"
    case adSpend = "ad_spend"
    case adSales = "ad_sales"
    case acos, roas, tacos
    case handleHours = "handle_hours"
    case fcrRate = "fcr_rate"
    case complaintRate = "complaint_rate"
    case inventoryTurnover = "inventory_turnover"
    case daysOfInventory = "days_of_inventory"
    case sellThroughRate = "sell_through_rate"
    case ordersPerHead = "orders_per_head"
    case returnRate = "return_rate"
    case returnCycleDays = "return_cycle_days"
    case repurchaseRate = "repurchase_rate"
    case retentionRate = "retention_rate"
    case renewalRate = "renewal_rate"

    /// `currency`, `count`, `ratio` (a share, shown as a percentage), `multiple` (times, like ROAS 3.8×),
    /// `hours`, `days`, or `number` (a plain figure such as orders per head).
    package var unit: String {
        switch self {
        case .roas, .inventoryTurnover: "multiple"
        case .daysOfInventory, .returnCycleDays: "days"
        case .ordersPerHead: "number"
        case .gmv, .aov, .netSales, .cogs, .adSpend, .adSales: "currency"
        case .orders, .units, .shippedOrders, .sessions, .pageViews: "count"
        case .onTimeShipRate, .refundRate, .slaResponseRate, .stockoutRate, .conversionRate, .trafficGrowth, .gmvGrowth,
             .csat, .taskOnTimeRate, .grossMargin, .acos, .tacos, .fcrRate, .complaintRate, .sellThroughRate,
             .returnRate, .repurchaseRate, .retentionRate, .renewalRate: "ratio"
        case .fulfillmentHours, .firstResponseHours, .negativeReviewHandleHours, .handleHours: "hours"
        }
    }

    /// True when a lower value is better.
    package var lowerIsBetter: Bool {
        [.fulfillmentHours, .refundRate, .firstResponseHours, .stockoutRate, .negativeReviewHandleHours, .cogs, .adSpend,
         .acos, .tacos, .handleHours, .complaintRate, .daysOfInventory, .returnRate, .returnCycleDays].contains(self)
    }

    /// Definition concepts the value depends on; they are written into the fact's `definition`, and
    /// two profiles are reconciled on a metric only when they differ on one of them.
    package var concepts: [Concept] {
        switch self {
        case .gmv, .aov: [.timezone, .sales, .tax, .shipping, .currency]
        case .orders, .units, .refundRate: [.timezone]
        case .shippedOrders, .fulfillmentHours: [.timezone, .shipped]
        case .onTimeShipRate: [.timezone, .shipped, .shipSLAHours]
        case .firstResponseHours: [.timezone, .responseTime]
        case .slaResponseRate: [.timezone, .responseTime, .responseSLAHours]
        case .stockoutRate: [.inventory]
        // Traffic rows cover the date range they were downloaded for, whatever the profile's zone.
        case .sessions, .pageViews, .conversionRate, .trafficGrowth: []
        case .gmvGrowth: [.timezone, .sales, .tax, .shipping, .currency]
        case .csat, .taskOnTimeRate, .negativeReviewHandleHours: [.timezone]
        case .netSales: [.timezone, .tax, .shipping, .currency]
        case .cogs: [.timezone, .currency, .costBasis]
        case .grossMargin: [.timezone, .tax, .shipping, .currency, .costBasis, .marginFees]
        // Advertising reports are per calendar day as the console wrote it, whatever the profile's zone.
        case .adSpend: [.currency]
        case .adSales, .acos, .roas: [.currency, .adAttribution]
        case .tacos: [.timezone, .sales, .tax, .shipping, .currency]
        case .handleHours: [.timezone, .responseTime]
        case .fcrRate: [.timezone]
        case .complaintRate: [.timezone, .complaintTags]
        case .inventoryTurnover: [.timezone, .currency, .inventory, .costBasis]
        case .daysOfInventory, .sellThroughRate: [.timezone, .inventory]
        case .ordersPerHead, .returnCycleDays: [.timezone]
        case .returnRate: [.timezone, .shipped]
        case .repurchaseRate: [.timezone, .repurchaseWindow]
        case .retentionRate: [.timezone]
        // A term ends on a calendar date as the register writes it, whatever the profile's zone.
        case .renewalRate: []
        }
    }

    /// True for totals that grow through a period (a mid-period value projects by elapsed share);
    /// false for rates and means, whose value so far is already the projection.
    package var isAdditive: Bool {
        [.gmv, .orders, .units, .shippedOrders, .sessions, .pageViews, .netSales, .cogs, .adSpend, .adSales,
         .ordersPerHead, .inventoryTurnover].contains(self)
    }

    /// Decimal places kept for the value.
    package var scale: Int {
        switch unit {
        case "currency": 2
        case "hours", "multiple": 4
        case "days", "number": 2
        case "ratio": 6
        default: 0
        }
    }

    package static func < (lhs: MetricID, rhs: MetricID) -> Bool { lhs.rawValue < rhs.rawValue }
}
