/// A view with a friendly name over the fact tables, so a BI tool (Metabase, Superset, Power BI, Excel's
/// ODBC, 飞书's data source) needs no joins and no knowledge of grains or key columns.
///
/// The SQL is plain enough for SQLite and PostgreSQL alike; the columns are part of the fact-table
/// contract, and a view is changed only by a new migration that drops and recreates it.
package struct ReportingView: Sendable {
    package let table: StoreTable
    let select: String

    /// Company, platform, shop, team, employee and provider metrics by month, one row per profile.
    package static let kpiMonthly = metrics("v_kpi_monthly", grain: "month", period: "month", periodSQL: "substr(f.period_start, 1, 7)")
    /// The same by quarter (`2026-Q4`).
    package static let kpiQuarterly = metrics(
        "v_kpi_quarterly", grain: "quarter", period: "quarter",
        periodSQL: "substr(f.period_start, 1, 4) || '-Q' || ((CAST(substr(f.period_start, 6, 2) AS INTEGER) + 2) / 3)")
    /// The same by day.
    package static let kpiDaily = metrics("v_kpi_daily", grain: "day", period: "day", periodSQL: "f.period_start")

    /// One row per scorecard and period: who, total, grade, veto.
    package static let scorecard = ReportingView(
        table: StoreTable(name: "v_scorecard",
                          columns: ["grain", "period_start", "period_end", "scope_type", "scope_id", "name", "role", "scorecard",
                                    "total", "grade", "veto"],
                          orderBy: ["grain", "period_start", "scope_type", "scope_id", "scorecard"]),
        select: """
            SELECT grain, period_start, period_end, scope_type, scope_id, name, role, scorecard, total, grade, veto
            FROM fact_score WHERE line = 'total'
            """)

    /// Mid-period lines not on track, worst first within a period.
    package static let pacingAlerts = ReportingView(
        table: StoreTable(name: "v_pacing_alerts",
                          columns: ["grain", "period_start", "as_of", "scope_type", "scope_id", "scorecard", "line", "target",
                                    "actual", "projected", "gap", "status"],
                          orderBy: ["grain", "period_start", "scope_type", "scope_id", "scorecard", "line"]),
        select: """
            SELECT grain, period_start, as_of, scope_type, scope_id, scorecard, line, target, actual, projected, gap, status
            FROM fact_pacing WHERE status <> 'on_track'
            """)

    /// Company-level metrics where the two teams' definitions disagree, with both values.
    package static let teamsDiffer = ReportingView(
        table: StoreTable(name: "v_teams_differ",
                          columns: ["grain", "period_start", "metric", "profile_a", "value_a", "profile_b", "value_b",
                                    "value_b_in_a", "delta", "currency", "differing_concepts"],
                          orderBy: ["grain", "period_start", "metric", "profile_a", "profile_b"]),
        select: """
            SELECT grain, period_start, metric, profile_a, value_a, profile_b, value_b, value_b_in_a, delta, currency,
                   differing_concepts
            FROM fact_reconciliation WHERE scope_type = 'company' AND (delta IS NULL OR delta <> 0)
            """)

    /// The company's bridges: each step from one team's value to the other's, with the metric's labels,
    /// ready for a waterfall chart (Metabase and Superset draw one from `cause` and `effect`).
    package static let teamsBridge = ReportingView(
        table: StoreTable(name: "v_teams_bridge",
                          columns: ["grain", "period_start", "metric", "metric_zh", "metric_en", "profile_a", "profile_b",
                                    "step", "cause", "effect", "value", "records", "currency", "converted_from"],
                          orderBy: ["grain", "period_start", "metric", "profile_a", "profile_b", "step"]),
        select: """
            SELECT b.grain, b.period_start, b.metric, m.label_zh AS metric_zh, m.label_en AS metric_en, b.profile_a,
                   b.profile_b, b.step, b.cause, b.effect, b.value, b.records, b.currency, b.converted_from
            FROM fact_reconciliation_bridge b LEFT JOIN dim_metric m ON m.metric = b.metric
            WHERE b.scope_type = 'company'
            """)

    /// Tracking numbers with carrier scans that no record with an order id names yet: counted nowhere
    /// until a label, outbound or shipment export links them.
    package static let unlinkedTracking = ReportingView(
        table: StoreTable(name: "v_unlinked_tracking",
                          columns: ["tracking_number", "carrier", "scans", "first_scan_at", "last_scan_at", "source_file"],
                          orderBy: ["tracking_number"]),
        select: """
            SELECT t.tracking_number, min(t.carrier) AS carrier, count(*) AS scans, min(t.occurred_at) AS first_scan_at,
                   max(t.occurred_at) AS last_scan_at, min(t.source_file) AS source_file
            FROM tracking_events t
            WHERE NOT EXISTS (SELECT 1 FROM tracking_links l WHERE l.tracking_number = t.tracking_number)
            GROUP BY t.tracking_number
            """)

    /// Orders a `same_order:` rule names a copy of in another channel, and where each sale counts (as of the
    /// last refresh): the channel of the order that counts for it, or `both` when no rule decides any more.
    package static let sameOrders = ReportingView(
        table: StoreTable(name: "v_same_order",
                          columns: ["platform", "order_id", "twin_platform", "twin_order_id", "twin_loaded", "counted_in",
                                    "source_file", "source_line"],
                          orderBy: ["platform", "order_id"]),
        select: """
            SELECT t.platform, t.order_id, t.twin_platform, t.twin_order_id,
                   CASE WHEN o.order_id IS NULL THEN 0 ELSE 1 END AS twin_loaded,
                   CASE WHEN s.order_id IS NOT NULL THEN s.twin_platform
                        WHEN r.order_id IS NOT NULL OR o.order_id IS NULL THEN t.platform
                        ELSE 'both' END AS counted_in,
                   t.source_file, t.source_line
            FROM order_twins t
            LEFT JOIN orders o ON o.platform = t.twin_platform AND o.order_id = t.twin_order_id
            LEFT JOIN same_order_skips s ON s.platform = t.platform AND s.order_id = t.order_id
            LEFT JOIN same_order_skips r ON r.platform = t.twin_platform AND r.order_id = t.twin_order_id
            WHERE t.twin_order_id IS NOT NULL AND t.twin_order_id <> ''
            """)

    /// Each person's latest roster row (the snapshot with the latest date; an undated roster's rows are the
    /// earliest), as the `roster` table read before rosters were kept over time. The history is
    /// `roster_snapshots`.
    package static let roster: ReportingView = {
        let layout = FlatTableLayout(.roster)
        let columns = layout.columns.map(StoreTable.quote).map { "s." + $0 }.joined(separator: ", ")
        return ReportingView(
            table: StoreTable(name: "roster", columns: layout.columns, orderBy: ["employee_id"]),
            select: """
                SELECT \(columns) FROM roster_snapshots s
                WHERE s.as_of = (SELECT max(t.as_of) FROM roster_snapshots t WHERE t.employee_id = s.employee_id)
                """)
    }()

    /// Each fact of a closed period that the records stored now give differently: the value the close froze,
    /// what it would be now, why, and who closed the period when.
    package static let restatements = ReportingView(
        table: StoreTable(name: "v_restatements",
                          columns: ["grain", "period_start", "period_end", "scope_type", "scope_id", "metric", "profile", "closed_value",
                                    "current_value", "cause", "cause_zh", "closed_at", "closed_by", "found_in_run"],
                          orderBy: ["grain", "period_start", "scope_type", "scope_id", "metric", "profile"]),
        select: """
            SELECT r.grain, r.period_start, r.period_end, r.scope_type, r.scope_id, r.metric, r.profile, r.closed_value,
                   r.current_value, r.cause, r.cause_zh,
                   (SELECT c.closed_at FROM period_closes c WHERE \(holding) ORDER BY c.closed_at LIMIT 1) AS closed_at,
                   (SELECT c.closed_by FROM period_closes c WHERE \(holding) ORDER BY c.closed_at LIMIT 1) AS closed_by,
                   r.run_id AS found_in_run
            FROM restatements r
            """)
    /// Every fact row beside each record its metric's rule read for it: the record's kind and key, the day it
    /// counts on, whether it counted (a cancelled order is read and not counted), and the export line it came
    /// from. Records as they stand now: a closed period's frozen value may differ (see `v_restatements`).
    /// Growth and buyer-rate facts have none of their own (see `dim_metric_basis`); `explain --metric` gives
    /// each record's share.
    package static let factLineage = ReportingView(
        table: StoreTable(name: "v_fact_lineage",
                          columns: ["grain", "period_start", "period_end", "scope_type", "scope_id", "metric", "profile",
                                    "profile_version", "value", "basis", "record_kind", "record_id", "day", "counted",
                                    "source_file", "source_line"],
                          orderBy: ["grain", "period_start", "scope_type", "scope_id", "metric", "profile", "basis", "day",
                                    "record_id", "source_file", "source_line"]),
        select: [
            // A record's shop, platform or company row stands for all three (see `Credit`).
            "f.scope_type = 'company' AND c.scope_type IN ('company', 'platform', 'shop')",
            "f.scope_type = 'platform' AND c.scope_type IN ('platform', 'shop') AND c.platform = f.scope_id",
            "f.scope_type NOT IN ('company', 'platform') AND c.scope_type = f.scope_type AND c.scope_id = f.scope_id",
        ].map { scope in
            """
            SELECT f.grain, f.period_start, f.period_end, f.scope_type, f.scope_id, f.metric, f.profile, f.profile_version, f.value,
                   c.basis, c.record_kind, c.record_id, c.day, c.counted, c.source_file, c.source_line
            FROM fact_metric f
            JOIN dim_metric_basis m ON m.metric = f.metric
            JOIN record_credits c ON c.day >= f.period_start AND c.day <= f.period_end AND coalesce(c.last_day, c.day) <= f.period_end
                AND c.profile = f.profile AND c.profile_version = f.profile_version AND c.basis = m.basis
                AND \(scope)
            """
        }.joined(separator: "\nUNION ALL\n"))

    /// A close in force whose period holds the restatement's.
    private static let holding = "c.reopened_at IS NULL AND c.period_start <= r.period_start AND r.period_end <= c.period_end"

    /// Who is on the roster, for BI tools to show names beside employee ids.
    package static let dimEmployee = ReportingView(
        table: StoreTable(name: "dim_employee",
                          columns: ["employee_id", "name", "team", "role", "shift", "hired_on", "left_on", "timezone", "shops", "provider"],
                          orderBy: ["employee_id"]),
        select: "SELECT employee_id, name, team, role, shift, hired_on, left_on, timezone, shops, provider FROM roster")

    /// Every shop the store holds orders of, with its platform and first and last purchase.
    package static let dimShop = ReportingView(
        table: StoreTable(name: "dim_shop", columns: ["shop", "platform", "orders", "first_purchased_at", "last_purchased_at"],
                          orderBy: ["shop", "platform"]),
        select: """
            SELECT shop, platform, count(*) AS orders, min(purchased_at) AS first_purchased_at, max(purchased_at) AS last_purchased_at
            FROM orders GROUP BY shop, platform
            """)

    /// The views migration v5 created, as they stood then (the metric views without dates and labels).
    static let v5 = [v5Metrics("v_kpi_daily", grain: "day", period: "day", periodSQL: "period_start"),
                     v5Metrics("v_kpi_monthly", grain: "month", period: "month", periodSQL: "substr(period_start, 1, 7)"),
                     v5Metrics("v_kpi_quarterly", grain: "quarter", period: "quarter",
                               periodSQL: "substr(period_start, 1, 4) || '-Q' || ((CAST(substr(period_start, 6, 2) AS INTEGER) + 2) / 3)"),
                     scorecard, pacingAlerts, teamsDiffer]
    /// The metric views migration v13 recreated with dates, zones, names and labels. v13 creates them (and
    /// the dimension views) as they stand: a later change to any of them must first freeze today's SQL for
    /// v13, as `v5Metrics` does for v5, so a fresh store still migrates step by step.
    static let metricViews = [kpiDaily, kpiMonthly, kpiQuarterly]
    package static let all = [roster] + metricViews + [scorecard, pacingAlerts, teamsDiffer, teamsBridge, unlinkedTracking, sameOrders, dimEmployee,
                                             dimShop, restatements, factLineage]

    /// A grain's facts with a period label, the period's first and last day as dates (`date()` is text in
    /// SQLite, a DATE in PostgreSQL) and the profile's zone, the roster name of an employee or provider
    /// scope, and the metric's labels in both languages.
    private static func metrics(_ name: String, grain: String, period: String, periodSQL: String) -> ReportingView {
        ReportingView(
            table: StoreTable(name: name,
                              columns: [period, "period_start", "period_end", "timezone", "scope_type", "scope_id", "scope_name",
                                        "metric", "metric_zh", "metric_en", "profile", "value", "unit", "currency", "record_count",
                                        "definition"],
                              orderBy: [period, "scope_type", "scope_id", "metric", "profile"]),
            select: """
                SELECT \(periodSQL) AS \(period), date(f.period_start) AS period_start, date(f.period_end) AS period_end,
                    f.timezone, f.scope_type, f.scope_id, r.name AS scope_name, f.metric, m.label_zh AS metric_zh,
                    m.label_en AS metric_en, f.profile, f.value, f.unit, f.currency, f.record_count, f.definition
                FROM fact_metric f
                LEFT JOIN roster r ON f.scope_type IN ('employee', 'provider') AND r.employee_id = f.scope_id
                LEFT JOIN dim_metric m ON m.metric = f.metric
                WHERE f.grain = '\(grain)'
                """)
    }

    private static func v5Metrics(_ name: String, grain: String, period: String, periodSQL: String) -> ReportingView {
        ReportingView(
            table: StoreTable(name: name,
                              columns: [period, "scope_type", "scope_id", "metric", "profile", "value", "unit", "currency",
                                        "record_count", "definition"],
                              orderBy: [period, "scope_type", "scope_id", "metric", "profile"]),
            select: """
                SELECT \(periodSQL) AS \(period), scope_type, scope_id, metric, profile, value, unit, currency, record_count, definition
                FROM fact_metric WHERE grain = '\(grain)'
                """)
    }

    /// `CREATE VIEW name AS select`.
    package var createSQL: String { "CREATE VIEW \(StoreTable.quote(table.name)) AS \(select)" }
}
