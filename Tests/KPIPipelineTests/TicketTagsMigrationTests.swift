import Foundation
import KPIPipeline
import KPIStore
import KPIStoreTesting
import Testing

/// Before migration v18 an empty Tags cell was stored as no value, like a missing Tags column. The upgrade
/// turns back into "no tags" what can be known to be so — tickets from the APIs, which always send `tags`,
/// and tickets of an export some of whose tickets have tags — and leaves the rest unknown, on both databases.
@Suite struct TicketTagsMigrationTests {
    static func tags(_ ws: TemporaryWorkspace) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try ws.export("tickets", .jsonl).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            out["\(object["system"]!):\(object["ticket_id"]!)"] = (object["tags"] as? String).map { "`\($0)`" } ?? "unknown"
        }
        return out
    }

    @Test(arguments: StoreBackend.available) func anUpgradedStoreKeepsNoTagsApartFromUnknownTags(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        // A view export without the Tags column: its tickets' tags are unknown before and after.
        try ws.write("inbox/helpdesk/zendesk_tickets_view.csv", """
            Id,Assignee,Group,Status,Created at,Solved at
            39001,Lily Zhang,US Support,Solved,2026-10-20 09:00:00,2026-10-20 15:00:00

            """)
        _ = try ws.pipeline().run()
        let loaded = try Self.tags(ws)
        #expect(loaded["zendesk:30873"] == "``" && loaded["zendesk:30902"] == "``" && loaded["zendesk:39001"] == "unknown")
        // Back to the store as v17 left it: every empty tags value stored as none, v18 not applied.
        let sql = try #require(try ws.pipeline().store as? any SQLStore)
        let v18 = "v18: a ticket's empty Tags cell is kept as no tags (an export without the column leaves them unknown)"
        try sql.write { session in
            _ = try session.execute("UPDATE tickets SET tags = NULL WHERE tags = ''", [])
            _ = try session.execute(backend == .sqlite ? "DELETE FROM grdb_migrations WHERE identifier = ?"
                                                       : "DELETE FROM kpibridge_schema WHERE migration = ?", [.text(v18)])
        }
        // Three stored as none: zendesk 30873 (an empty Tags cell), 30902 (the API's `[]`) and the view's 39001.
        #expect(try sql.read { try $0.count("SELECT count(*) FROM tickets WHERE tags IS NULL") } == 3)
        // Opening it again upgrades it: the CSV ticket beside tagged ones and the API ticket have no tags again;
        // the view's ticket stays unknown.
        _ = try ws.pipeline()
        #expect(try Self.tags(ws) == loaded)
    }
}
