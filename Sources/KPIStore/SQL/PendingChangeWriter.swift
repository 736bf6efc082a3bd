import KPISchema

/// Records, in the loading file's transaction, which orders and days its records changed, so the next
/// fact refresh recomputes just those periods — even when the run dies between load and refresh.
///
/// Fed the rows ``ChangeTracking`` upserts return: an order key marks the whole order (its purchase,
/// shipment and refund dates are read at refresh time), dates mark their days.
final class PendingChangeWriter {
    static let orders = UpsertStatement(table: "refresh_pending_orders", columns: ["platform", "order_id"],
                                        key: ["platform", "order_id"], resolution: "DO NOTHING")
    static let days = UpsertStatement(table: "refresh_pending_days", columns: ["day"], key: ["day"],
                                      resolution: "DO NOTHING")

    private let session: any SQLSession
    private var orderWriter: (any SQLRowWriter)?
    /// The last order written: an order's records arrive together, so this skips most repeats.
    private var lastOrder: [TableValue] = []
    private var days: Set<Substring> = []

    init(session: any SQLSession) {
        self.session = session
    }

    /// Takes one returned row: order platform, order id, new dates, replaced dates.
    func take(_ row: [TableValue]) throws {
        if case .text = row[0], case .text = row[1], Array(row[0...1]) != lastOrder {
            lastOrder = Array(row[0...1])
            if orderWriter == nil { orderWriter = try session.writer(Self.orders) }
            try orderWriter!.append(lastOrder.map(StoreValue.init))
        }
        for dates in row[2...3] {
            guard case .text(let text) = dates else { continue }
            // An instant (2026-10-31T16:05:00Z) is on its UTC day; a calendar day is itself.
            for token in text.split(separator: " ") where token.count >= 10 { days.insert(token.prefix(10)) }
        }
    }

    func finish() throws {
        try orderWriter?.finish()
        guard !days.isEmpty else { return }
        let writer = try session.writer(Self.days)
        for day in days.sorted() { try writer.append([.text(String(day))]) }
        try writer.finish()
        days.removeAll()
    }
}
