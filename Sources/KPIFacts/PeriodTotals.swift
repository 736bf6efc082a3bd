import Foundation
import KPISchema

/// Running sums for one (grain, period, scope) cell, from which every metric is derived.
struct PeriodTotals {
    /// How many record updates reached the cell: a trace tells a record that touched it from one that did not.
    var touches = 0
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
    /// Counted orders and refunds whose amount had no exchange rate into the reporting currency: while
    /// any is, the money metrics they feed are left out rather than computed without them.
    var unpricedSales = 0
    var unpricedRefunds = 0
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
    /// Tickets created in the period; those whose tags the export gives (counted only when the profile
    /// declares complaint tags), and of them those the complaint tags mark.
    var createdTickets = 0
    var taggedTickets = 0
    var complaintTickets = 0
    /// Tickets solved in the period: hours from creation on the response clock; those whose export gives
    /// replies and reopens, and of them those solved at the first contact.
    var solvedTickets = 0
    var handleHours: Decimal = 0
    var solvedWithContacts = 0
    var firstContactResolved = 0
    /// Tickets created in the period with a satisfaction rating, and those rated good.
    var ratedTickets = 0
    var goodTickets = 0
    /// Traffic rows whose date range lies in the period: sessions, page views, ordered items.
    var trafficRows = 0
    var sessions = 0
    var pageViews = 0
    var trafficOrders = 0
    /// Tasks due in the period (undelivered ones only once due), and those delivered by their due time.
    var tasksDue = 0
    var tasksOnTime = 0
    /// 1–2★ reviews written in the period and handled, and the hours to handling.
    var negativeReviewsHandled = 0
    var reviewHandleHours: Decimal = 0
    /// Every refund of the period's counted orders counted in the period, whatever the sales basis
    /// (net sales deducts them), and those without a rate.
    var issuedRefunds: Decimal = 0
    var issuedRefundRecords = 0
    var unpricedIssuedRefunds = 0
    /// Σ units × unit cost of counted lines, and the lines with no cost in force (or no rate for it).
    var cogs: Decimal = 0
    var uncostedLines = 0
    /// Settlement fees posted in the period (a charge positive, a commission given back negative), the
    /// rows and those without a rate.
    var fees: Decimal = 0
    var feeRows = 0
    var unpricedFees = 0
    /// Shops with counted sales: a margin after fees needs the settlements of each, TACoS the ads of each.
    var salesShops: Set<String> = []
    /// Advertising rows dated in the period: spend, sales attributed in the profile's window, rows
    /// whose spend had no rate (or currency) and rows with no sales figure for the window.
    var adRows = 0
    var adSpend: Decimal = 0
    var adSales: Decimal = 0
    var unpricedAds = 0
    var adSalesUnknown = 0
    /// Shops with an advertising row in the period.
    var adShops: Set<String> = []
    /// Units of the orders shipped in the period (by the profile's shipped event) and the shops they came from,
    /// units returned in the period and the shops they came back to, and returns closed in the period with
    /// their days.
    var shippedUnits = 0
    var shippedShops: Set<String> = []
    var returnShops: Set<String> = []
    var returnedUnits = 0
    var returnRecords = 0
    var returnsClosed = 0
    var returnDays: Decimal = 0
    /// Client terms ending in the period: all, those renewed, and those whose outcome is not decided (or not
    /// one kpibridge knows), which leave the renewal rate unknown.
    var contractsDue = 0
    var contractsRenewed = 0
    var contractsUndecided = 0
    /// Company stock on each snapshot day of the period under the profile's basis (company cells only).
    var stockLevels: [CivilDate: StockLevel] = [:]
    /// SKUs a snapshot of the period gives a quantity under the basis for, and what each SKU sold (company
    /// cells only): stock metrics compare stock with the sales of the SKUs it covers, never with all sales.
    var stockSKUs: Set<String> = []
    var skuSales: [String: SKUSales] = [:]
}

/// One SKU's counted lines in a period: units, their cost, and lines without a cost.
struct SKUSales {
    var lines = 0
    var units = 0
    var cogs: Decimal = 0
    var uncosted = 0
}

/// One day's stock summed over every source, warehouse and SKU.
struct StockLevel {
    var units = 0
    /// Units valued at each SKU's unit cost in force that day (the profile's cost basis and currency).
    var value: Decimal = 0
    /// Rows whose SKU had no cost in force (or no rate): the day's value is unknown.
    var uncosted = 0
}
