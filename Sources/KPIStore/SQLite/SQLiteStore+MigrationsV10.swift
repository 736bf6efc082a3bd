import GRDB
import KPISchema

extension SQLiteStore {
    /// Migrations v10 on (tracking links onward), kept apart so neither file outgrows a reading; the
    /// list stays append-only: the next migration goes at the end here.
    static func registerFromV10(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(DataMigration.trackingLinksName) { db in
            // Written out as they stand at v10 (not from today's FlatTableLayout), like every migration.
            try db.execute(sql: """
                CREATE TABLE tracking_events (
                    "tracking_number" TEXT NOT NULL DEFAULT '',
                    "event" TEXT NOT NULL DEFAULT '',
                    "occurred_at" TEXT NOT NULL DEFAULT '',
                    "occurred_at_zone" TEXT,
                    "carrier" TEXT,
                    "status" TEXT,
                    "location" TEXT,
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY ("tracking_number", "event", "occurred_at")
                );
                CREATE TABLE tracking_links (
                    "tracking_number" TEXT NOT NULL DEFAULT '',
                    "platform" TEXT NOT NULL DEFAULT '',
                    "order_id" TEXT NOT NULL DEFAULT '',
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY ("tracking_number", "platform", "order_id")
                );
                CREATE INDEX tracking_links_order ON tracking_links (platform, order_id);
                """)
            try db.execute(sql: ReportingView.unlinkedTracking.createSQL)
            for statement in DataMigration.statements[DataMigration.trackingLinksName] ?? [] {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration(DataMigration.sameOrdersName) { db in
            try db.execute(sql: """
                CREATE TABLE order_twins (
                    "platform" TEXT NOT NULL DEFAULT '',
                    "order_id" TEXT NOT NULL DEFAULT '',
                    "twin_platform" TEXT,
                    "twin_order_id" TEXT,
                    connector TEXT NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, content_hash TEXT NOT NULL, run_id INTEGER NOT NULL,
                    PRIMARY KEY ("platform", "order_id")
                );
                CREATE TABLE same_order_skips (
                    platform TEXT NOT NULL,
                    order_id TEXT NOT NULL,
                    twin_platform TEXT NOT NULL,
                    twin_order_id TEXT NOT NULL,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (platform, order_id)
                );
                """)
            try db.execute(sql: ReportingView.sameOrders.createSQL)
        }
        migrator.registerMigration("v12: identities of retracted files (a retracted file never loads again)") { db in
            try db.execute(sql: """
                CREATE TABLE retracted_files (
                    file_sha256 TEXT NOT NULL PRIMARY KEY,
                    file TEXT NOT NULL,
                    connector TEXT NOT NULL,
                    loaded_run_id INTEGER NOT NULL,
                    retracted_at TEXT NOT NULL,
                    run_id INTEGER NOT NULL
                )
                """)
        }
        migrator.registerMigration("v13: BI dimensions (dim_metric, dim_employee, dim_shop); metric views with dates, zones, names, labels") { db in
            try db.execute(sql: """
                CREATE TABLE dim_metric (
                    metric TEXT NOT NULL PRIMARY KEY,
                    label_zh TEXT NOT NULL,
                    label_en TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    direction TEXT NOT NULL
                )
                """)
            for view in ReportingView.metricViews {
                try db.execute(sql: "DROP VIEW \(StoreTable.quote(view.table.name))")
                try db.execute(sql: view.createSQL)
            }
            try db.execute(sql: ReportingView.dimEmployee.createSQL)
            try db.execute(sql: ReportingView.dimShop.createSQL)
        }
        migrator.registerMigration("v14: advertising and settlement fees feed metrics (14-day attribution, fees by shop, change tracking); SKU cost history") { db in
            for kind in [FlatKind.adSpend, .fee] {
                for statement in FlatTableLayout(kind).addedColumns(in: 14) { try db.execute(sql: statement) }
                try db.execute(sql: "ALTER TABLE \(StoreTable.quote(kind.schema.table)) ADD COLUMN \(ChangeTracking.column) TEXT")
            }
            try db.execute(sql: FlatTableLayout(.skuCost).createSQL(asOf: 14))
        }
        // The metric formulas' version moved with it, so the next refresh recomputes every period anyway.
        migrator.registerMigration("v15: returns feed metrics (return rate, return cycle) and mark their orders for recompute") { db in
            try db.execute(sql: "ALTER TABLE returns ADD COLUMN \(ChangeTracking.column) TEXT")
        }
        // Orders loaded before it have no key: their customer rates stay absent (named by the run) until the
        // files are retracted and loaded again with a salt.
        migrator.registerMigration("v16: orders keep a salted customer key (repeat purchase, retention)") { db in
            try db.execute(sql: "ALTER TABLE orders ADD COLUMN customer_key TEXT")
        }
        migrator.registerMigration("v17: client contracts (renewal rate)") { db in
            try db.execute(sql: FlatTableLayout(.contract).createSQL(asOf: 17))
            try db.execute(sql: "ALTER TABLE \(StoreTable.quote(FlatKind.contract.schema.table)) ADD COLUMN \(ChangeTracking.column) TEXT")
        }
        migrator.registerMigration(DataMigration.ticketTagsName) { db in
            for statement in DataMigration.statements[DataMigration.ticketTagsName] ?? [] { try db.execute(sql: statement) }
        }
        // Empty until the next refresh: the metric formulas' version moved with it, so that refresh
        // recomputes (and bridges) every period.
        migrator.registerMigration("v19: the reconciliation bridge (A's value to B's, cause by cause)") { db in
            try db.execute(sql: """
                CREATE TABLE fact_reconciliation_bridge (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    profile_a TEXT NOT NULL,
                    profile_b TEXT NOT NULL,
                    step INTEGER NOT NULL,
                    cause TEXT NOT NULL,
                    effect NUMERIC,
                    value NUMERIC,
                    records INTEGER,
                    unit TEXT NOT NULL,
                    currency TEXT,
                    converted_from TEXT,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, scope_type, scope_id, metric, profile_a, profile_b, step)
                )
                """)
            try db.execute(sql: ReportingView.teamsBridge.createSQL)
        }
        migrator.registerMigration("v20: stored sentences in Chinese as well (explanation_zh, target_basis_zh, veto_zh, note_zh); "
                                   + "achievement before its cap (fact_score.achievement_uncapped)") { db in
            // Empty until the next run rewrites the rows (metric formulas v6 make every store recompute);
            // readers fall back to the English column meanwhile.
            try db.execute(sql: "ALTER TABLE reconciliation_detail ADD COLUMN explanation_zh TEXT NOT NULL DEFAULT ''")
            for column in ["target_basis_zh", "veto_zh", "note_zh"] {
                try db.execute(sql: "ALTER TABLE fact_score ADD COLUMN \(column) TEXT")
            }
            try db.execute(sql: "ALTER TABLE fact_score ADD COLUMN achievement_uncapped NUMERIC")
        }
        migrator.registerMigration("v21: quarantine reasons in Chinese as well (quarantine.reason_zh)") { db in
            // Rows set aside before this read English in both languages; they are not re-read.
            try db.execute(sql: "ALTER TABLE quarantine ADD COLUMN reason_zh TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v22: run messages in Chinese as well (runs.message_zh)") { db in
            // Runs recorded before this have none; readers show their English message.
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN message_zh TEXT")
        }
        // The views that name `roster` (dim_employee, the metric views' names) read the view as they read the
        // table: one row per person, now their latest snapshot's.
        migrator.registerMigration(DataMigration.rosterSnapshotsName) { db in
            try db.execute(sql: FlatTableLayout(.roster).createSQL(asOf: 23))
            for statement in DataMigration.statements[DataMigration.rosterSnapshotsName] ?? [] { try db.execute(sql: statement) }
            try db.execute(sql: ReportingView.roster.createSQL)
        }
        // Empty until the next run scores again (the scores are rewritten whole each run).
        migrator.registerMigration("v24: bonus coefficients and human review (fact_score.bonus_coefficient, review; provider_status.review)") { db in
            try db.execute(sql: "ALTER TABLE fact_score ADD COLUMN bonus_coefficient NUMERIC")
            for table in ["fact_score", "provider_status"] {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN review TEXT")
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN review_zh TEXT")
            }
        }
        migrator.registerMigration("v25: closed periods and their restatements (period_closes, restatements, v_restatements)") { db in
            try db.execute(sql: """
                CREATE TABLE period_closes (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    closed_at TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    closed_by TEXT NOT NULL,
                    closed_run_id INTEGER NOT NULL,
                    reopened_at TEXT,
                    reopened_by TEXT,
                    reopen_reason TEXT,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, closed_at)
                );
                CREATE TABLE restatements (
                    grain TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    profile TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    closed_value NUMERIC,
                    current_value NUMERIC,
                    cause TEXT NOT NULL,
                    cause_zh TEXT NOT NULL,
                    run_id INTEGER NOT NULL,
                    PRIMARY KEY (grain, period_start, scope_type, scope_id, metric, profile)
                )
                """)
            try db.execute(sql: ReportingView.restatements.createSQL)
        }
        // SQLite cannot change a primary key in place: the table is rebuilt under its name, a rating without a
        // rater keyed by '' (as every absent key part is).
        migrator.registerMigration(DataMigration.raterKeyName) { db in
            let layout = FlatTableLayout(.manualRating)
            let old = layout.columns.filter { $0 != "rater_role" }
            try db.execute(sql: layout.createSQL(asOf: 26).replacingOccurrences(of: "CREATE TABLE \"manual_ratings\"",
                                                                                with: "CREATE TABLE \"manual_ratings_v26\""))
            let select = old.map { $0 == "rater" ? "coalesce(rater, '')" : StoreTable.quote($0) }.joined(separator: ", ")
            try db.execute(sql: "INSERT INTO manual_ratings_v26 (\(old.map(StoreTable.quote).joined(separator: ", "))) SELECT \(select) FROM manual_ratings")
            try db.execute(sql: "DROP TABLE manual_ratings")
            try db.execute(sql: "ALTER TABLE manual_ratings_v26 RENAME TO manual_ratings")
        }
        // Empty until the next refresh, which recomputes every period once (formulas v8) and writes them. No key:
        // the writer puts each row once, and one index on the day serves both a refresh's delete and the view's
        // period ranges (a narrow index is most of what keeps writing a row per record cheap).
        migrator.registerMigration("v27: lineage from facts to records (record_credits, dim_metric_basis, v_fact_lineage)") { db in
            try db.execute(sql: """
                CREATE TABLE record_credits (
                    profile TEXT NOT NULL,
                    profile_version INTEGER NOT NULL,
                    basis TEXT NOT NULL,
                    record_kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    day TEXT NOT NULL,
                    last_day TEXT,
                    scope_type TEXT NOT NULL,
                    scope_id TEXT NOT NULL,
                    platform TEXT,
                    counted INTEGER NOT NULL,
                    source_file TEXT NOT NULL,
                    source_line INTEGER NOT NULL,
                    run_id INTEGER NOT NULL
                );
                CREATE INDEX record_credits_day ON record_credits (day);
                CREATE TABLE dim_metric_basis (
                    metric TEXT NOT NULL,
                    basis TEXT NOT NULL,
                    record_kind TEXT NOT NULL,
                    PRIMARY KEY (metric, basis)
                )
                """)
            try db.execute(sql: ReportingView.factLineage.createSQL)
        }
    }
}
