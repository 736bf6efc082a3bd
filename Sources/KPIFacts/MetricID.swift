import KPISchema

/// The metrics kpibridge computes, as named in DOMAIN.md's catalog.
public enum MetricID: String, Sendable, CaseIterable, Comparable {
    case gmv, orders, aov, units
    case shippedOrders = "shipped_orders"
    case fulfillmentHours = "fulfillment_hours"
    case onTimeShipRate = "on_time_ship_rate"
    case refundRate = "refund_rate"
    case firstResponseHours = "first_response_hours"
    case slaResponseRate = "sla_response_rate"
    case stockoutRate = "stockout_rate"

    /// `currency`, `count`, `ratio` or `hours`.
    public var unit: String {
        switch self {
        case .gmv, .aov: "currency"
        case .orders, .units, .shippedOrders: "count"
        case .onTimeShipRate, .refundRate, .slaResponseRate, .stockoutRate: "ratio"
        case .fulfillmentHours, .firstResponseHours: "hours"
        }
    }

    /// True when a lower value is better.
    public var lowerIsBetter: Bool {
        [.fulfillmentHours, .refundRate, .firstResponseHours, .stockoutRate].contains(self)
    }

    /// Definition concepts the value depends on; they are written into the fact's `definition`, and
    /// two profiles are reconciled on a metric only when they differ on one of them.
    public var concepts: [Concept] {
        switch self {
        case .gmv, .aov: [.timezone, .sales, .tax, .shipping, .currency]
        case .orders, .units, .refundRate: [.timezone]
        case .shippedOrders, .fulfillmentHours: [.timezone, .shipped]
        case .onTimeShipRate: [.timezone, .shipped, .shipSLAHours]
        case .firstResponseHours: [.timezone, .responseTime]
        case .slaResponseRate: [.timezone, .responseTime, .responseSLAHours]
        case .stockoutRate: [.inventory]
        }
    }

    /// Decimal places kept for the value.
    var scale: Int {
        switch unit {
        case "currency": 2
        case "hours": 4
        case "ratio": 6
        default: 0
        }
    }

    public static func < (lhs: MetricID, rhs: MetricID) -> Bool { lhs.rawValue < rhs.rawValue }
}
