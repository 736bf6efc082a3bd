import KPISchema

/// The SQL that lets a record upsert report what it changed, so a refresh recomputes only the periods
/// new or changed records fall in.
///
/// An incoming row equal to the stored one leaves it alone (a re-sent or overlapping export changes
/// nothing, lineage included). A row that does change writes the dates the stored row had into
/// `replaced_dates` and, through `RETURNING`, hands the loader its order key or dates and those old
/// dates — a corrected carrier scan that moves a shipment from October to November must recompute
/// both months. Neither database can return the old row directly, hence the column.
enum ChangeTracking {
    /// Space-separated UTC instants and calendar days the row held before its last change.
    static let column = "replaced_dates"

    /// The upsert of a tracked table: an incoming row whose `data` columns (or the `kept` ones, compared as
    /// they will be written) differ from the stored row's replaces it, unless `guardCondition` says
    /// otherwise, keeping the stored row's `dates` in ``column``; it returns what ``returning(orderKey:dates:)`` says.
    /// With `reports` false the statement returns nothing (for records that feed no metric) but still
    /// leaves an identical row, lineage included, as it was.
    static func upsert(table: String, columns: [String], key: [String], data: [String], kept: [String] = [],
                       guardCondition: String? = nil, dates: [String], orderKey: Bool,
                       reports: Bool = true) -> UpsertStatement {
        // A table that is all key (a tracking link) has nothing to change: the first row stays, lineage included.
        if data.isEmpty && kept.isEmpty {
            return UpsertStatement(table: table, columns: columns, key: key, resolution: "DO NOTHING", returning: [])
        }
        let quotedTable = StoreTable.quote(table)
        let set = columns.filter { !key.contains($0) }.map { column in
            let name = StoreTable.quote(column)
            return kept.contains(column) ? "\(name) = coalesce(excluded.\(name), \(quotedTable).\(name))"
                                         : "\(name) = excluded.\(name)"
        } + assignment(table: table, dates: dates)
        let condition = differs(table: table, columns: data, kept: kept) + (guardCondition.map { " AND (\($0))" } ?? "")
        return UpsertStatement(table: table, columns: columns, key: key,
                               resolution: "DO UPDATE SET " + set.joined(separator: ", ") + " WHERE " + condition,
                               returning: reports ? returning(orderKey: orderKey, dates: dates) : [])
    }

    /// What every tracked upsert returns: order platform and id (order records), the new row's dates
    /// (plain-data records) and the replaced row's dates, each possibly NULL.
    private static func returning(orderKey: Bool, dates: [String]) -> [String] {
        let null = "CAST(NULL AS TEXT)"
        return orderKey
            ? ["platform", "order_id", null, dates.isEmpty ? null : column]
            : [null, null, dates.isEmpty ? null : joined(dates.map { StoreTable.quote($0) }), dates.isEmpty ? null : column]
    }

    /// `SET` assignment keeping the stored row's `dates` of `table` in ``column`` (none for a table
    /// without dates).
    private static func assignment(table: String, dates: [String]) -> [String] {
        dates.isEmpty ? [] : ["\(column) = " + joined(dates.map { "\(StoreTable.quote(table)).\(StoreTable.quote($0))" })]
    }

    /// The tables whose upserts keep ``column``: order records with dates, and plain-data kinds that feed metrics.
    static var tables: [String] {
        ["orders", "fulfillment_events", "refunds", "returns"] + FlatKind.allCases.filter(\.feedsMetrics).map(\.schema.table)
    }

    /// `WHERE` condition: some data column of the incoming row differs from the stored one; a `kept`
    /// column is compared as it will be written (the stored value when the incoming one is NULL).
    private static func differs(table: String, columns: [String], kept: [String] = []) -> String {
        "(" + columns.map { column in
            let stored = "\(StoreTable.quote(table)).\(StoreTable.quote(column))"
            let incoming = kept.contains(column) ? "coalesce(excluded.\(StoreTable.quote(column)), \(stored))"
                                                 : "excluded.\(StoreTable.quote(column))"
            return "\(incoming) IS DISTINCT FROM \(stored)"
        }.joined(separator: " OR ") + ")"
    }

    private static func joined(_ expressions: [String]) -> String {
        expressions.map { "coalesce(\($0), '')" }.joined(separator: " || ' ' || ")
    }
}
