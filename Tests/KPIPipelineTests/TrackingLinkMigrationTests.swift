import Foundation
import KPIPipeline
import KPIStore
import KPIStoreTesting
import Testing

/// A store loaded before migration v10 holds events that name parcels but no `tracking_links`: the upgrade
/// writes them from the stored events, on both databases, so scans arriving later find their orders.
@Suite struct TrackingLinkMigrationTests {
    @Test(arguments: StoreBackend.available) func anUpgradedStoreLinksTheParcelsItsEventsName(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try ws.pipeline().run()
        let links = try ws.export("tracking_links")
        // 马帮's four parcels (T1, T2, T4, T9), each on its order.
        #expect(links.split(separator: "\r\n").count == 5)
        // Back to the store as v9 left it: no tracking tables, v10 not applied.
        let sql = try #require(try ws.pipeline().store as? any SQLStore)
        let v10 = "v10: carrier scans keyed by tracking number, attached to orders through it"
        try sql.write { session in
            _ = try session.execute("DROP VIEW v_unlinked_tracking", [])
            _ = try session.execute("DROP TABLE tracking_links", [])
            _ = try session.execute("DROP TABLE tracking_events", [])
            _ = try session.execute(backend == .sqlite ? "DELETE FROM grdb_migrations WHERE identifier = ?"
                                                       : "DELETE FROM kpibridge_schema WHERE migration = ?", [.text(v10)])
        }
        // Opening it again upgrades it, and the links are back with their events' lineage.
        #expect(try ws.export("tracking_links") == links)
    }
}
