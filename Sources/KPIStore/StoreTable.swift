import KPISchema

/// A table a user may export. Names from the command line are checked against this list, never
/// interpolated, so `--table "x; DROP TABLE runs"` is just an unknown table.
package struct StoreTable: Sendable, Hashable, CustomStringConvertible {
    package let name: String
    package let columns: [String]
    /// Columns that order an export, so re-exports are byte-identical.
    package let orderBy: [String]

    package var description: String { name }

    private static let lineage = ["connector", "source_file", "source_line", "content_hash", "run_id"]

    package static let factMetric = StoreTable(
        name: "fact_metric",
        columns: ["grain", "period_start", "period_end", "timezone", "scope_type", "scope_id", "metric", "profile",
                  "profile_version", "definition", "value", "numerator", "denominator", "unit", "currency", "record_count", "run_id"],
        orderBy: ["grain", "period_start", "scope_type", "scope_id", "metric", "profile"])
    package static let factReconciliation = StoreTable(
        name: "fact_reconciliation",
        columns: ["grain", "period_start", "period_end", "scope_type", "scope_id", "metric", "profile_a", "definition_a",
                  "value_a", "profile_b", "definition_b", "value_b", "value_b_in_a", "delta", "unit", "currency",
                  "differing_concepts", "records_only_a", "records_only_b", "records_differing", "run_id"],
        orderBy: ["grain", "period_start", "scope_type", "scope_id", "metric", "profile_a", "profile_b"])
    package static let factReconciliationBridge = StoreTable(
        name: "fact_reconciliation_bridge",
        columns: ["grain", "period_start", "period_end", "scope_type", "scope_id", "metric", "profile_a", "profile_b",
                  "step", "cause", "effect", "value", "records", "unit", "currency", "converted_from", "run_id"],
        orderBy: ["grain", "period_start", "scope_type", "scope_id", "metric", "profile_a", "profile_b", "step"])
    package static let reconciliationDetail = StoreTable(
        name: "reconciliation_detail",
        columns: ["grain", "period_start", "metric", "profile_a", "profile_b", "record_kind", "record_id", "platform",
                  "shop", "in_a", "in_b", "value_a", "value_b_in_a", "reasons", "explanation", "explanation_zh",
                  "source_file", "source_line", "run_id"],
        orderBy: ["grain", "period_start", "metric", "profile_a", "profile_b", "record_kind", "record_id"])
    package static let factScore = StoreTable(
        name: "fact_score",
        columns: ["grain", "period_start", "period_end", "scope_type", "scope_id", "name", "role", "scorecard", "line",
                  "profile", "definition", "target", "target_basis", "target_basis_zh", "actual", "record_count", "achievement",
                  "achievement_uncapped", "weight", "effective_weight", "points", "total", "grade", "veto", "veto_zh", "note", "note_zh",
                  "bonus_coefficient", "review", "review_zh", "run_id"],
        orderBy: ["grain", "period_start", "scope_type", "scope_id", "scorecard", "line"])
    package static let factPacing = StoreTable(
        name: "fact_pacing",
        columns: ["grain", "period_start", "period_end", "as_of", "elapsed_share", "scope_type", "scope_id", "scorecard",
                  "line", "target", "actual", "projected", "gap", "status", "run_id"],
        orderBy: ["grain", "period_start", "scope_type", "scope_id", "scorecard", "line"])
    package static let providerStatus = StoreTable(
        name: "provider_status",
        columns: ["provider", "grain", "period_start", "period_end", "status_before", "status_after", "result", "failing",
                  "consecutive_fails", "consecutive_passes", "review", "review_zh", "run_id"],
        orderBy: ["provider", "grain", "period_start"])
    package static let periodCloses = StoreTable(
        name: "period_closes",
        columns: ["grain", "period_start", "closed_at", "period_end", "closed_by", "closed_run_id", "reopened_at", "reopened_by",
                  "reopen_reason", "run_id"],
        orderBy: ["grain", "period_start", "closed_at"])
    package static let restatements = StoreTable(
        name: "restatements",
        columns: ["grain", "period_start", "scope_type", "scope_id", "metric", "profile", "period_end", "closed_value",
                  "current_value", "cause", "cause_zh", "run_id"],
        orderBy: ["grain", "period_start", "scope_type", "scope_id", "metric", "profile"])
    package static let definitions = StoreTable(
        name: "definitions",
        columns: ["profile", "version", "effective_from", "concept", "variant", "detail", "run_id"],
        orderBy: ["profile", "version", "concept"])
    package static let factChanges = StoreTable(
        name: "fact_changes",
        columns: ["id", "run_id", "change", "grain", "period_start", "scope_type", "scope_id", "metric", "profile",
                  "old_value", "new_value", "old_definition", "new_definition"],
        orderBy: ["id"])
    package static let quarantine = StoreTable(
        name: "quarantine",
        columns: ["id", "run_id", "connector", "file", "file_sha256", "line", "column_number", "reason", "reason_zh", "raw"],
        orderBy: ["id"])
    package static let loadLedger = StoreTable(
        name: "load_ledger",
        columns: ["file_sha256", "file", "connector", "bytes", "encoding", "rows_read", "rows_skipped", "rows_loaded",
                  "rows_quarantined", "records", "run_id", "loaded_at"],
        orderBy: ["run_id", "file", "file_sha256"])
    package static let runs = StoreTable(
        name: "runs",
        columns: ["id", "command", "started_at", "finished_at", "status", "exit_code", "files_read", "files_skipped",
                  "rows_loaded", "rows_quarantined", "facts_written", "message", "message_zh"],
        orderBy: ["id"])
    package static let orders = StoreTable(
        name: "orders",
        columns: ["platform", "order_id", "shop", "purchased_at", "purchased_zone", "paid_at", "paid_zone", "status",
                  "status_raw", "currency", "customer_key", "version"] + lineage,
        orderBy: ["platform", "order_id"])
    package static let orderLines = StoreTable(
        name: "order_lines",
        columns: ["platform", "order_id", "line_id", "sku", "quantity", "amount", "tax", "shipping", "currency",
                  "version"] + lineage,
        orderBy: ["platform", "order_id", "line_id"])
    package static let fulfillmentEvents = StoreTable(
        name: "fulfillment_events",
        columns: ["platform", "order_id", "kind", "occurred_at", "occurred_zone", "tracking_number", "authority_rank"]
            + lineage,
        orderBy: ["platform", "order_id", "kind"])
    package static let refunds = StoreTable(
        name: "refunds",
        columns: ["platform", "order_id", "refund_id", "amount", "currency", "refunded_at", "refunded_zone"] + lineage,
        orderBy: ["platform", "order_id", "refund_id"])
    package static let returns = StoreTable(
        name: "returns",
        columns: ["platform", "order_id", "return_id", "sku", "quantity", "returned_at", "returned_zone", "reason"] + lineage,
        orderBy: ["platform", "order_id", "return_id"])

    /// The table of a plain-data kind (`tickets`, `traffic`…), ordered by its key.
    package static func flat(_ kind: FlatKind) -> StoreTable {
        let layout = FlatTableLayout(kind)
        return StoreTable(name: kind.schema.table, columns: layout.columns, orderBy: layout.keyColumns)
    }

    /// The catalog's metrics with their labels, unit and direction, for BI tools (written by every refresh).
    package static let dimMetric = StoreTable(
        name: "dim_metric", columns: ["metric", "label_zh", "label_en", "unit", "direction"], orderBy: ["metric"])

    /// Each record counted for a scope on a day under a profile version, its shop, platform and company as one
    /// row (see ``ReportingView/factLineage``).
    package static let recordCredits = StoreTable(
        name: "record_credits",
        columns: ["profile", "profile_version", "basis", "record_kind", "record_id", "day", "last_day", "scope_type", "scope_id",
                  "platform", "counted", "source_file", "source_line", "run_id"],
        orderBy: ["profile", "profile_version", "scope_type", "scope_id", "basis", "day", "record_id", "source_file", "source_line",
                  "last_day", "platform", "counted"])
    /// Which bases of records each metric reads (written by every refresh).
    package static let dimMetricBasis = StoreTable(
        name: "dim_metric_basis", columns: ["metric", "basis", "record_kind"], orderBy: ["metric", "basis"])

    package static let all: [StoreTable] = [factMetric, factReconciliation, factReconciliationBridge, reconciliationDetail, factScore, factPacing,
                                           providerStatus, periodCloses, restatements, recordCredits, dimMetricBasis, definitions, factChanges, dimMetric,
                                           quarantine, loadLedger, runs, orders, orderLines,
                                           fulfillmentEvents, refunds, returns] + FlatKind.allCases.map(flat)
                                           + ReportingView.all.map(\.table)

    package static func named(_ name: String) -> StoreTable? {
        all.first { $0.name == name }
    }

    /// `"name"`, for SQL. Names here are constants, validated once more for safety.
    package static func quote(_ identifier: String) -> String {
        precondition(identifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "bad identifier")
        return "\"\(identifier)\""
    }

    var selectSQL: String { selectSQL(where: nil) }

    /// Every column of the rows `condition` selects (all when nil), in primary-key order.
    func selectSQL(where condition: String?) -> String {
        "SELECT \(columns.map(Self.quote).joined(separator: ", ")) FROM \(Self.quote(name))"
            + (condition.map { " WHERE " + $0 } ?? "") + " ORDER BY " + orderBy.map(Self.quote).joined(separator: ", ")
    }
}
