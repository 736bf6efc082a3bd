/// Statements a schema migration runs on rows already stored, written once in SQL both databases accept.
///
/// SQLite runs them inside the migration itself; PostgreSQL, whose tables are derived from SQLite's
/// (see `ReferenceSchema`), runs those of each migration it lacks after creating its tables — so a store
/// upgraded on either database holds the same rows.
package enum DataMigration {
    static let trackingLinksName = "v10: carrier scans keyed by tracking number, attached to orders through it"
    static let sameOrdersName = "v11: one order in two channels (same_order links, the copies left out)"
    static let ticketTagsName = "v18: a ticket's empty Tags cell is kept as no tags (an export without the column leaves them unknown)"
    static let rosterSnapshotsName = "v23: the roster over time (roster_snapshots by person and date; roster the latest row of each)"
    static let raterKeyName = "v26: several raters of one criterion (manual_ratings keyed by rater too; rater_role for 360 weights)"

    /// Statements only PostgreSQL runs for a migration (after its tables and columns exist): SQLite rebuilds a
    /// table whose key changed, PostgreSQL alters the constraint. Safe on a new database too.
    package static let postgresStatements: [String: [String]] = [
        raterKeyName: [
            "UPDATE manual_ratings SET rater = '' WHERE rater IS NULL",
            "ALTER TABLE manual_ratings ALTER COLUMN rater SET DEFAULT ''",
            "ALTER TABLE manual_ratings ALTER COLUMN rater SET NOT NULL",
            "ALTER TABLE manual_ratings DROP CONSTRAINT IF EXISTS manual_ratings_pkey",
            "ALTER TABLE manual_ratings ADD PRIMARY KEY (employee_id, period, criterion, rater)",
        ],
    ]

    /// Migrations whose statements read a table that a store created before them has and a new one never
    /// had: PostgreSQL runs them only where that table exists (SQLite always has it at that point).
    package static let readsFormerTable: [String: String] = [rosterSnapshotsName: "roster"]

    /// Per migration identifier, its data statements in order.
    package static let statements: [String: [String]] = [
        // Links the stored events already name (a store loaded before v10 wrote none); one row per link,
        // lineage of its first event by kind, numbers compared as `TrackingNumber` writes them.
        trackingLinksName: ["""
            INSERT INTO tracking_links (tracking_number, platform, order_id, connector, source_file, source_line,
                content_hash, run_id)
            SELECT upper(replace(e.tracking_number, ' ', '')), e.platform, e.order_id, e.connector, e.source_file,
                e.source_line, e.content_hash, e.run_id
            FROM fulfillment_events e
            WHERE e.tracking_number IS NOT NULL AND replace(e.tracking_number, ' ', '') <> ''
              AND NOT EXISTS (SELECT 1 FROM fulfillment_events f
                  WHERE f.platform = e.platform AND f.order_id = e.order_id AND f.kind < e.kind
                    AND upper(replace(f.tracking_number, ' ', '')) = upper(replace(e.tracking_number, ' ', '')))
            ON CONFLICT (tracking_number, platform, order_id) DO NOTHING
            """],
        // Before v18 an empty Tags cell and a missing Tags column both stored NULL. The ticket APIs always
        // send `tags` (an empty list when there are none); an export some of whose tickets have tags had the
        // column. Those NULLs mean "no tags". The rest stay unknown: complaint_rate is absent where they fall
        // until their files are loaded again.
        ticketTagsName: ["""
            UPDATE tickets SET tags = '' WHERE tags IS NULL
              AND (connector IN ('zendesk.tickets_api', 'freshdesk.tickets_api')
                   OR source_file IN (SELECT t.source_file FROM tickets t WHERE t.tags IS NOT NULL))
            """],
        // Rows loaded before v23 carry no date: they hold from the beginning, as the roster did then.
        rosterSnapshotsName: [
            "INSERT INTO roster_snapshots (\(rosterColumns), as_of) SELECT \(rosterColumns), '' FROM roster",
            "DROP TABLE roster",
        ],
    ]

    /// The roster's columns before v23, in order.
    private static var rosterColumns: String {
        FlatTableLayout(.roster).columns.filter { $0 != "as_of" }.map(StoreTable.quote).joined(separator: ", ")
    }
}
