/// How long after an ad click a sale still counts as the ad's: the window Amazon's reports attribute
/// sales in (7 days for sellers' Sponsored Products, 14 for vendors and Sponsored Brands).
package enum AdAttribution: String, Sendable, CaseIterable {
    case sevenDays = "7d"
    case fourteenDays = "14d"

    /// The `ad_spend` fields holding the window's attributed sales and orders.
    package var salesField: String { self == .sevenDays ? "sales" : "sales_14d" }
    package var ordersField: String { self == .sevenDays ? "orders" : "orders_14d" }
}
