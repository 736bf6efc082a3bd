import KPISchema

/// An order stream's pull so far: pages and orders seen, the latest update time among them, each page
/// landed for the load. Shopify and TikTok differ in how they ask; this is what they share.
struct OrderPages {
    let api: String
    /// Where the pull asked from (the cursor minus the lookback), for the summary.
    let from: Instant
    private(set) var latest: Instant
    private(set) var pages = 0
    private(set) var orders = 0

    init(api: String, cursor: Instant, from: Instant) {
        self.api = api
        self.latest = cursor
        self.from = from
    }

    /// Lands one page of orders as `rows` flattens them, moving `latest` to the newest `updatedAt`.
    mutating func land(_ list: [[String: Any]], updatedAt: ([String: Any]) -> Instant?,
                       rows: ([String: Any]) -> [[String: Any]], in landing: Landing) throws(PullError) {
        pages += 1
        orders += list.count
        for order in list {
            if let updated = updatedAt(order), updated > latest { latest = updated }
        }
        try landing.land(APIJSON.landingDocument(api: api, rows: list.flatMap(rows)), extension: "json",
                         note: "page \(pages), \(list.count) order\(list.count == 1 ? "" : "s")")
    }

    /// The cursor advances only when every page came (one that stopped part-way asks for the same
    /// window next run); the summary line either way.
    func finish(_ result: inout PullResult) {
        if result.failure == nil { result.state.cursor = latest.iso8601 }
        result.notes.append("\(pages) page\(pages == 1 ? "" : "s"), \(orders) orders updated since \(from.iso8601)")
    }
}
