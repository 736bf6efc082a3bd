import Foundation
import KPIConnectors
import KPISchema
import Testing

@Suite struct RecordAssemblyTests {
    private func readShopify(_ csv: String) throws -> CollectingSink {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shopify-\(UUID()).csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        let context = SourceContext(displayPath: "orders.csv", fingerprint: try FileFingerprint.compute(path: path), runID: 1, shop: "dtc")
        var reader = try catalog.connector("shopify.orders").open(path: path, context: context)
        var sink = CollectingSink()
        _ = try reader.read(into: &sink)
        return sink
    }

    @Test func aRepeatedSkuKeepsEveryLine() throws {
        let sink = try readShopify("""
            Name,Created at,Paid at,Fulfilled at,Cancelled at,Financial Status,Currency,Lineitem quantity,Lineitem price,Lineitem sku,Shipping,Taxes,Refunded Amount
            #1,2026-10-01 10:00:00 -0700,,,,,USD,1,5.00,A,,,
            #1,,,,,,,2,5.00,A,,,
            #2,2026-10-02 10:00:00 -0700,,,,,USD,1,7.00,A,,,

            """)
        let lines = sink.records.compactMap { if case .orderLine(let l) = $0 { l } else { nil } }
        #expect(lines.map { "\($0.key.orderID) \($0.lineID) \($0.quantity)" } == ["#1 A 1", "#1 A#2 2", "#2 A 1"])
        // The second row inherited the order's currency and time from the first.
        #expect(lines[1].amount == Money(10, "USD"))
        #expect(sink.records.filter { if case .order = $0 { true } else { false } }.count == 2)
    }

    @Test func aLaterRowOfAnotherOrderInheritsNothing() throws {
        let sink = try readShopify("""
            Name,Created at,Paid at,Fulfilled at,Cancelled at,Financial Status,Currency,Lineitem quantity,Lineitem price,Lineitem sku,Shipping,Taxes,Refunded Amount
            #1,2026-10-01 10:00:00 -0700,,,,,USD,1,5.00,A,,,
            #2,,,,,,,1,5.00,B,,,

            """)
        #expect(sink.quarantined.map(\.reason) == ["orders.csv:3:2: Created at: empty, but `purchased_at` is required"])
    }
}
