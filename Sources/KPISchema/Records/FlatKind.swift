/// The record kinds that are plain data, each with its schema (README "Connectors" lists which connector feeds each).
package enum FlatKind: String, Sendable, Hashable, CaseIterable {
    case ticket
    case traffic
    case adSpend = "ad_spend"
    case inventorySnapshot = "inventory_snapshot"
    case review
    case task
    case manualRating = "manual_rating"
    case violation
    case roster
    case fxRate = "fx_rate"
    case fee
    case trackingEvent = "tracking_event"
    case trackingLink = "tracking_link"
    case orderTwin = "order_twin"
    case skuCost = "sku_cost"
    case contract

    package var schema: RecordSchema { Self.schemas[self]! }

    /// Whether `fact_metric` is computed from this kind's records, so that a new or changed one marks
    /// its days for recompute. The roster and exchange rates also shape facts, but any change to them
    /// recomputes everything (they are part of the refresh basis).
    package var feedsMetrics: Bool {
        switch self {
        case .ticket, .traffic, .adSpend, .inventorySnapshot, .review, .task, .fee, .contract: true
        // A tracking event counts once attached to its order as a fulfillment event (tracked there).
        // A unit cost holds from its date until the next one: any change recomputes everything (refresh basis).
        case .skuCost, .manualRating, .violation, .roster, .fxRate, .trackingEvent, .trackingLink: false
        // A link decides whether an order counts, which the refresh settles itself (`same_order_skips`).
        case .orderTwin: false
        }
    }

    private static let schemas: [FlatKind: RecordSchema] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makeSchema()) })

    private func makeSchema() -> RecordSchema {
        switch self {
        case .ticket:
            RecordSchema(kind: rawValue, table: "tickets", fields: [
                .init("system", .text, required: true), .init("ticket_id", .text, required: true),
                .init("created_at", .datetime, required: true), .init("first_reply_at", .datetime),
                .init("solved_at", .datetime), .init("first_reply_minutes", .duration),
                .init("first_reply_business_minutes", .duration), .init("resolution_minutes", .duration),
                .init("resolution_business_minutes", .duration), .init("reopens", .integer),
                .init("replies", .integer), .init("csat", .text), .init("agent", .text), .init("group_name", .text),
                .init("status", .text), .init("priority", .text), .init("channel", .text), .init("tags", .text),
            ], key: ["system", "ticket_id"],
            summary: "help-desk ticket: created, first reply, solved, reopens, replies, CSAT, agent")
        case .traffic:
            RecordSchema(kind: rawValue, table: "traffic", fields: [
                .init("platform", .text, required: true), .init("shop", .text, required: true),
                .init("period_start", .date, required: true), .init("period_end", .date, required: true),
                .init("parent_asin", .text), .init("asin", .text), .init("sku", .text), .init("title", .text),
                .init("sessions", .integer, required: true), .init("page_views", .integer), .init("units", .integer),
                .init("order_items", .integer), .init("sales", .decimal), .init("currency", .text),
                .init("buy_box_pct", .decimal), .init("unit_session_pct", .decimal),
            ], key: ["platform", "shop", "period_start", "period_end", "asin", "sku"],
            summary: "sessions, page views, units and sales per item over a date range")
        case .adSpend:
            RecordSchema(kind: rawValue, table: "ad_spend", fields: [
                .init("platform", .text, required: true), .init("shop", .text, required: true),
                .init("date", .date, required: true), .init("campaign", .text, required: true),
                .init("ad_group", .text), .init("sku", .text), .init("asin", .text),
                .init("impressions", .integer), .init("clicks", .integer), .init("spend", .decimal, required: true),
                .init("sales", .decimal), .init("orders", .integer), .init("units", .integer), .init("currency", .text),
                // `sales` and `orders` are attributed within 7 days of the click; reports that also give
                // the 14-day window fill these (the definition's `ad_attribution` picks one).
                .init("sales_14d", .decimal, since: 14), .init("orders_14d", .integer, since: 14),
            ], key: ["platform", "shop", "date", "campaign", "ad_group", "sku", "asin"],
            summary: "advertising spend, clicks, impressions and sales attributed in 7 (and 14) days, per day")
        case .inventorySnapshot:
            RecordSchema(kind: rawValue, table: "inventory_snapshots", fields: [
                .init("source", .text, required: true), .init("warehouse", .text),
                .init("sku", .text, required: true), .init("snapshot_date", .date, required: true),
                .init("system_quantity", .integer), .init("counted_quantity", .integer),
                .init("available_quantity", .integer), .init("inbound_quantity", .integer),
                .init("reserved_quantity", .integer), .init("unit_cost", .decimal), .init("currency", .text),
            ], key: ["source", "warehouse", "sku", "snapshot_date"],
            summary: "stock per SKU and warehouse on a date: system and physically counted quantity")
        case .review:
            RecordSchema(kind: rawValue, table: "reviews", fields: [
                .init("platform", .text, required: true), .init("review_id", .text, required: true),
                .init("shop", .text), .init("sku", .text), .init("asin", .text),
                .init("rating", .integer, required: true), .init("created_at", .datetime, required: true),
                .init("handled_at", .datetime), .init("handler", .text), .init("title", .text),
            ], key: ["platform", "review_id"],
            summary: "product review: rating, created, handled and by whom")
        case .task:
            RecordSchema(kind: rawValue, table: "tasks", fields: [
                .init("task_id", .text, required: true), .init("title", .text),
                .init("assignee", .text, required: true), .init("kind", .text), .init("created_at", .datetime),
                .init("due_at", .datetime, required: true), .init("delivered_at", .datetime), .init("status", .text),
            ], key: ["task_id"],
            summary: "assigned work (design, listing): due and delivered")
        case .manualRating:
            RecordSchema(kind: rawValue, table: "manual_ratings", fields: [
                .init("employee_id", .text, required: true), .init("period", .text, required: true),
                .init("criterion", .text, required: true), .init("score", .decimal, required: true),
                .init("max_score", .decimal), .init("rater", .text), .init("note", .text),
                // 360: who rates in which capacity (lead, peer, cross_team); several raters of one criterion and month.
                .init("rater_role", .text, since: 26),
            ], key: ["employee_id", "period", "criterion", "rater"],
            summary: "a supervisor's score of a soft criterion (attitude, teamwork) for a period")
        case .violation:
            RecordSchema(kind: rawValue, table: "violations", fields: [
                .init("violation_id", .text, required: true), .init("kind", .text, required: true),
                .init("occurred_at", .datetime, required: true), .init("employee_id", .text),
                .init("shop", .text), .init("severity", .text), .init("note", .text),
            ], key: ["violation_id"],
            summary: "a veto event: fake orders (刷单), false advertising, account suspended")
        case .roster:
            RecordSchema(kind: rawValue, table: "roster_snapshots", fields: [
                .init("employee_id", .text, required: true), .init("name", .text, required: true),
                .init("team", .text), .init("role", .text, required: true), .init("shift", .text),
                .init("hired_on", .date), .init("left_on", .date), .init("timezone", .text),
                .init("shops", .text), .init("skus", .text), .init("ticket_groups", .text), .init("provider", .text),
                // The snapshot's date: a dated roster holds from it until the next snapshot (see `Roster`).
                .init("as_of", .date, since: 23),
            ], key: ["employee_id", "as_of"],
            summary: "who is on the team: role, shift, hire date, zone and what they own")
        case .fxRate:
            RecordSchema(kind: rawValue, table: "fx_rates", fields: [
                .init("date", .date, required: true), .init("from_currency", .text, required: true),
                .init("to_currency", .text, required: true), .init("rate", .decimal, required: true),
            ], key: ["date", "from_currency", "to_currency"],
            summary: "a day's exchange rate: 1 from_currency = rate to_currency")
        case .fee:
            RecordSchema(kind: rawValue, table: "fees", fields: [
                .init("platform", .text, required: true), .init("settlement_id", .text, required: true),
                .init("order_id", .text), .init("transaction_type", .text), .init("fee_type", .text, required: true),
                .init("description", .text), .init("sku", .text), .init("item_code", .text),
                .init("amount", .decimal, required: true),
                .init("currency", .text, required: true), .init("posted_at", .datetime),
                // The shop the settlement belongs to, from the source (`shop:`): fees count for that shop.
                .init("shop", .text, since: 14),
                // The span the settlement covers (its summary row's dates, filled down): a period's fees are
                // known only for the days some loaded settlement of the shop covers.
                .init("settlement_start", .datetime, since: 14), .init("settlement_end", .datetime, since: 14),
            ], key: ["platform", "settlement_id", "order_id", "transaction_type", "fee_type", "description", "sku", "item_code"],
            summary: "a settlement money component that is not a sale or refund: commission, FBA fee")
        case .trackingEvent:
            // Every scan is kept (the time is part of the key): an order's first scan is the earliest of
            // all its parcels', chosen when it is attached, not by which file came last.
            RecordSchema(kind: rawValue, table: "tracking_events", fields: [
                .init("tracking_number", .text, required: true), .init("event", .text, required: true),
                .init("occurred_at", .datetime, required: true), .init("carrier", .text), .init("status", .text),
                .init("location", .text),
            ], key: ["tracking_number", "event", "occurred_at"],
            summary: "a carrier scan known only by its tracking number; counts once a record with an order id carries that number")
        case .trackingLink:
            // Written by every order-keyed row that names a parcel, whatever its connector: one order may
            // leave in several parcels, and a parcel may carry several orders.
            RecordSchema(kind: rawValue, table: "tracking_links", fields: [
                .init("tracking_number", .text, required: true), .init("platform", .text, required: true),
                .init("order_id", .text, required: true),
            ], key: ["tracking_number", "platform", "order_id"],
            summary: "an order and the tracking number of a parcel it left in, from any record naming both")
        case .orderTwin:
            // One row per order of a source with a `same_order:` rule, the twin empty when the order names
            // none: a later export without the tag withdraws the link instead of leaving it behind.
            RecordSchema(kind: rawValue, table: "order_twins", fields: [
                .init("platform", .text, required: true), .init("order_id", .text, required: true),
                .init("twin_platform", .text), .init("twin_order_id", .text),
            ], key: ["platform", "order_id"],
            summary: "an order and its copy in another channel, named by a tag or note under the source's `same_order:` rule")
        case .skuCost:
            // The latest `effective_from` on or before a sale's day gives its unit cost; `freight` is the
            // per-unit inbound freight (头程) that a landed cost adds.
            RecordSchema(kind: rawValue, table: "sku_costs", fields: [
                .init("sku", .text, required: true), .init("effective_from", .date, required: true),
                .init("unit_cost", .decimal, required: true), .init("freight", .decimal),
                .init("currency", .text, required: true), .init("supplier", .text), .init("note", .text),
            ], key: ["sku", "effective_from"],
            summary: "a SKU's unit purchase cost (and inbound freight per unit) from a date on")
        case .contract:
            RecordSchema(kind: rawValue, table: "contracts", fields: [
                .init("provider", .text, required: true), .init("client", .text, required: true),
                .init("due_on", .date, required: true),
                // `renewed`, `lost`, or anything else (`pending`): a term not yet decided.
                .init("outcome", .text, required: true), .init("renewed_on", .date), .init("contract_id", .text),
                .init("note", .text),
            ], key: ["provider", "client", "due_on"],
            summary: "a client's service term: who serves it, when it ends, whether it was renewed")
        }
    }
}
