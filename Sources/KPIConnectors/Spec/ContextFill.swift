/// Values a plain-data record takes from where the file came from rather than from its rows.
///
/// A Business Report covers the date range it was downloaded for, not a date per row; an Amazon
/// flat file names no shop; a ticket's help desk is the connector's platform.
package enum ContextFill: String, Sendable, Hashable {
    /// The spec's `platform:` (ticket `system`, inventory `source`).
    case platform
    /// The workspace source's `shop:`, else the platform.
    case shop
    /// The workspace source's `currency:`.
    case currency
    /// The import's period (`period:` on the source, or `--period`): its first and last day, the
    /// last day for a stock snapshot, the first for a roster (it holds from then on).
    case period

    /// Which context value fills a schema column the spec does not read, if any.
    static func fill(for column: String) -> ContextFill? {
        switch column {
        case "platform", "system", "source": .platform
        case "shop": .shop
        case "currency": .currency
        case "period_start", "period_end", "snapshot_date", "as_of": .period
        default: nil
        }
    }
}
