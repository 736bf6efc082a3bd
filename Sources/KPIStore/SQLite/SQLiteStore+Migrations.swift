import GRDB
import KPISchema

extension SQLiteStore {
    /// The schema, as an append-only list of migrations: never edit a shipped one, add the next.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, ledger, quarantine, order records, fact_metric") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    command TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL,
                    exit_code INTEGER,
                    files_read INTEGER NOT NULL DEFAULT 0,
                    files_skipped INTEGER NOT NULL DEFAULT 0,
                    rows_loaded INTEGER NOT NULL DEFAULT 0,
                    rows_quarantined INTEGER NOT NULL DEFAULT 0,
                    facts_written INTEGER NOT NULL DEFAULT 0,
                    message TEXT
                );
                CREATE TABLE load_ledger (
                    file_sha256 TEXT PRIMARY KEY,
                    file TEXT NOT NULL,
                    connector TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    encoding TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    rows_skipped INTEGER NOT NULL,
                    rows_loaded INTEGER NOT NULL,
                    rows_quarantined INTEGER NOT NULL,
                    records INTEGER NOT NULL,
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    loaded_at TEXT NOT NULL
                );
                CREATE TABLE quarantine (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    connector TEXT NOT NULL,
                    file TEXT NOT NULL,
                    file_sha256 TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    column_number INTEGER,
                    reason TEXT NOT NULL,
                    raw TEXT NOT NULL
                );
                CREATE INDEX quarantine_by_file ON quarantine(file_sha256);
                CREATE TABLE orders (
                    platform TEXT NOT NULL,
                    order_id TEXT NOT NULL,
                    shop TEXT NOT NULL,
                    purchased_at TEXT NOT NULL,
                    purchased_zone TEXT NOT NULL,
                    paid_at TEXT,
                    paid_zone TEXT,
                    status TEXT NOT NULL,
                    status_raw TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    version TEXT,
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL,
                    content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY (platform, order_id)
                );
                CREATE TABLE order_lines (
                    platform TEXT NOT NULL,
                    order_id TEXT NOT NULL,
                    line_id TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    amount TEXT NOT NULL,
                    tax TEXT NOT NULL,
                    shipping TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    version TEXT,
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL,
                    content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY (platform, order_id, line_id)
                );
                CREATE TABLE fulfillment_events (
                    platform TEXT NOT NULL,
                    order_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    occurred_at TEXT NOT NULL,
                    occurred_zone TEXT NOT NULL,
                    tracking_number TEXT,
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL,
                    content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY (platform, order_id, kind)
                );
                CREATE TABLE refunds (
                    platform TEXT NOT NULL,
                    order_id TEXT NOT NULL,
                    refund_id TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    refunded_at TEXT,
                    refunded_zone TEXT,
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL,
                    content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY (platform, order_id, refund_id)
                );
                CREATE TABLE returns (
                    platform TEXT NOT NULL,
                    order_id TEXT NOT NULL,
                    return_id TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    returned_at TEXT NOT NULL,
                    returned_zone TEXT NOT NULL,
                    reason TEXT,
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL,
                    content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY (platform, order_id, return_id)
                );
                CREATE TABLE fact_metric (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    timezone TEXT NOT NULL,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    profile TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    value NUMERIC NOT NULL,
                    numerator NUMERIC,
                    denominator NUMERIC,
                    unit TEXT NOT NULL,
                    currency TEXT,
                    record_count INTEGER NOT NULL,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, scope_type, scope_id, metric, profile)
                );
                """)
        }
        // The plain-data kinds' tables, laid out from their schemas as they stood when v2 shipped.
        // A later change to a schema needs its own migration (ALTER TABLE … ADD COLUMN), never an edit here.
        migrator.registerMigration("v2: plain-data record tables (tickets, traffic, ad_spend, inventory, roster…)") { db in
            let v2: [FlatKind] = [.ticket, .traffic, .adSpend, .inventorySnapshot, .review, .task, .manualRating, .violation,
                                  .roster, .fxRate, .fee]
            for kind in v2 {
                try db.execute(sql: FlatTableLayout(kind).createSQL(asOf: 2))
            }
        }
        migrator.registerMigration("v3: versioned definitions, reconciliation, fact change log") { db in
            try db.execute(sql: """
                ALTER TABLE fact_metric ADD COLUMN profile_version INTEGER NOT NULL DEFAULT 1;
                UPDATE fact_metric SET profile_version = CAST(substr(definition, instr(definition, '/v') + 2) AS INTEGER)
                    WHERE instr(definition, '/v') > 0;
                CREATE TABLE definitions (
                    profile TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    effective_from TEXT,
                    concept TEXT NOT NULL,
                    variant TEXT NOT NULL,
                    detail TEXT,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (profile, version, concept)
                );
                CREATE TABLE fact_reconciliation (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    profile_a TEXT NOT NULL,
                    definition_a TEXT NOT NULL,
                    value_a NUMERIC,
                    profile_b TEXT NOT NULL,
                    definition_b TEXT NOT NULL,
                    value_b NUMERIC,
                    value_b_in_a NUMERIC,
                    delta NUMERIC,
                    unit TEXT NOT NULL,
                    currency TEXT,
                    differing_concepts TEXT NOT NULL,
                    records_only_a INTEGER NOT NULL,
                    records_only_b INTEGER NOT NULL,
                    records_differing INTEGER NOT NULL,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, scope_type, scope_id, metric, profile_a, profile_b)
                );
                CREATE TABLE reconciliation_detail (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    profile_a TEXT NOT NULL,
                    profile_b TEXT NOT NULL,
                    record_kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    platform TEXT NOT NULL,
                    shop TEXT NOT NULL,
                    in_a INTEGER NOT NULL,
                    in_b INTEGER NOT NULL,
                    value_a NUMERIC,
                    value_b_in_a NUMERIC,
                    reasons TEXT NOT NULL,
                    explanation TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_line INTEGER NOT NULL,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, metric, profile_a, profile_b, record_kind, record_id)
                );
                CREATE TABLE fact_changes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL,
                    change TEXT NOT NULL,
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    profile TEXT NOT NULL,
                    old_value NUMERIC,
                    new_value NUMERIC,
                    old_definition TEXT,
                    new_definition TEXT
                );
                CREATE INDEX fact_changes_by_run ON fact_changes(run_id);
                """)
        }
        migrator.registerMigration("v4: scorecards, pacing, provider tiers") { db in
            try db.execute(sql: """
                CREATE TABLE fact_score (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    scorecard TEXT NOT NULL,
                    line TEXT NOT NULL,
                    profile TEXT,
                    definition TEXT,
                    target NUMERIC,
                    target_basis TEXT,
                    actual NUMERIC,
                    record_count INTEGER,
                    achievement NUMERIC,
                    weight NUMERIC NOT NULL,
                    effective_weight NUMERIC NOT NULL,
                    points NUMERIC,
                    total NUMERIC,
                    grade TEXT NOT NULL,
                    veto TEXT,
                    note TEXT,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, scope_type, scope_id, scorecard, line)
                );
                CREATE TABLE fact_pacing (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    elapsed_share NUMERIC NOT NULL,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    scorecard TEXT NOT NULL,
                    line TEXT NOT NULL,
                    target NUMERIC NOT NULL,
                    actual NUMERIC NOT NULL,
                    projected NUMERIC NOT NULL,
                    gap NUMERIC NOT NULL,
                    status TEXT NOT NULL,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, scope_type, scope_id, scorecard, line)
                );
                CREATE TABLE provider_status (
                    provider TEXT NOT NULL,
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    status_before TEXT NOT NULL,
                    status_after TEXT NOT NULL,
                    result TEXT NOT NULL,
                    failing TEXT NOT NULL,
                    consecutive_fails INTEGER NOT NULL,
                    consecutive_passes INTEGER NOT NULL,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (provider, grain, period_start)
                );
                """)
        }
        migrator.registerMigration("v5: views for report tools") { db in
            for view in ReportingView.v5 { try db.execute(sql: view.createSQL) }
        }
        migrator.registerMigration("v6: incremental refresh (replaced dates, pending changes, refresh basis)") { db in
            // The tracked tables as they were at v6; kinds that feed metrics later add the column themselves.
            let v6 = ["orders", "fulfillment_events", "refunds", "tickets", "traffic", "inventory_snapshots", "reviews", "tasks"]
            for table in v6 {
                try db.execute(sql: "ALTER TABLE \(StoreTable.quote(table)) ADD COLUMN \(ChangeTracking.column) TEXT")
            }
            try db.execute(sql: """
                CREATE TABLE refresh_pending_orders (
                    platform TEXT NOT NULL,
                    order_id TEXT NOT NULL,
                    PRIMARY KEY (platform, order_id)
                );
                CREATE TABLE refresh_pending_days (
                    day TEXT NOT NULL PRIMARY KEY
                );
                CREATE TABLE refresh_state (
                    id INTEGER NOT NULL PRIMARY KEY,
                    basis TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    run_id INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v7: fulfillment event authority (carrier > warehouse > ERP > storefront)") { db in
            // NULL on rows stored before: the next source to speak of such an event replaces it once.
            try db.execute(sql: "ALTER TABLE fulfillment_events ADD COLUMN authority_rank INTEGER")
        }
        migrator.registerMigration("v8: pulled streams' state (cursor, pending report)") { db in
            try db.execute(sql: """
                CREATE TABLE stream_state (
                    stream TEXT NOT NULL PRIMARY KEY,
                    state TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    run_id INTEGER
                )
                """)
        }
        migrator.registerMigration("v9: identities of pruned files (prune never lets a file load again)") { db in
            try db.execute(sql: """
                CREATE TABLE pruned_files (
                    file_sha256 TEXT NOT NULL PRIMARY KEY,
                    file TEXT NOT NULL,
                    connector TEXT NOT NULL,
                    loaded_at TEXT NOT NULL,
                    run_id INTEGER NOT NULL
                )
                """)
        }
        registerFromV10(&migrator)
        return migrator
    }
}
