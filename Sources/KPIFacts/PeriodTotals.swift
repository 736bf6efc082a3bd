import Foundation

/// Running sums for one (grain, period, scope) cell, from which every metric is derived.
struct PeriodTotals {
    /// Orders purchased in the period, cancelled ones included.
    var ordersSeen = 0
    /// Orders purchased in the period and not cancelled.
    var orders = 0
    var lines = 0
    var units = 0
    /// Σ line value in the reporting currency, tax and shipping per profile.
    var grossSales: Decimal = 0
    /// Σ refunds issued in the period, reporting currency.
    var refunds: Decimal = 0
    var refundRecords = 0
    /// Orders purchased in the period that have any refund.
    var refundedOrders = 0
    var shipped = 0
    var fulfillmentHours: Decimal = 0
    var shippedOnTime = 0
    /// Tickets created in the period that have a first reply.
    var answeredTickets = 0
    var responseHours: Decimal = 0
    var answeredInSLA = 0
    /// SKU-days with a quantity under the profile's inventory basis, and those at zero.
    var stockDays = 0
    var stockoutDays = 0
}
