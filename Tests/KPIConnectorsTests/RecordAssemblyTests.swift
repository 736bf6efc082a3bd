import Foundation
import KPIConnectors
import KPISchema
import Testing

@Suite struct RecordAssemblyTests {
    private func readShopify(_ csv: String) throws -> CollectingSink {
        try read("shopify.orders", csv, displayPath: "orders.csv")
    }

    private func read(_ connector: String, _ text: String, displayPath: String) throws -> CollectingSink {
        let ext = (displayPath as NSString).pathExtension
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(connector)-\(UUID()).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        let context = SourceContext(displayPath: displayPath, fingerprint: try FileFingerprint.compute(path: path), runID: 1, shop: "dtc",
                                    timezone: "America/Los_Angeles")
        var reader = try catalog.connector(connector).open(path: path, context: context)
        var sink = CollectingSink()
        _ = try reader.read(into: &sink)
        return sink
    }

    /// The tags of each ticket read: `nil` when the export does not say, `""` when it says "none".
    private func tags(_ sink: CollectingSink) -> [String?] {
        sink.records.compactMap { record -> String?? in
            guard case .flat(let flat) = record, flat.kind == .ticket else { return nil }
            return .some(flat["tags"].map(\.storageText))
        }
    }

    /// An empty Tags cell is a ticket without tags; a view export without the column says nothing of them, so
    /// a complaint rate cannot count its tickets as "no complaint".
    @Test func anEmptyTagsCellIsNoTagsAndAMissingColumnIsUnknown() throws {
        let withColumn = try read("zendesk.tickets", """
            Id,Assignee,Group,Tags,Status,Created at,Solved at
            1,Lily Zhang,US Support,complaint,Solved,2026-10-20 09:00:00,2026-10-20 15:00:00
            2,Lily Zhang,US Support,,Open,2026-10-21 09:00:00,

            """, displayPath: "view.csv")
        #expect(tags(withColumn) == ["complaint", ""])
        let without = try read("zendesk.tickets", """
            Id,Assignee,Group,Status,Created at,Solved at
            1,Lily Zhang,US Support,Solved,2026-10-20 09:00:00,2026-10-20 15:00:00

            """, displayPath: "view.csv")
        #expect(tags(without) == [nil])
        // The API writes `"tags": []` for a ticket without tags: said, and empty.
        let metrics = """
            {"reopens": 0, "replies": 0, "reply_time_in_minutes": {"calendar": null, "business": null},
             "full_resolution_time_in_minutes": {"calendar": null, "business": null}}
            """
        let api = try read("zendesk.tickets_api", """
            {"tickets": [{"id": 1, "status": "open", "created_at": "2026-10-20T09:00:00Z", "tags": [], "metric_set": \(metrics)},
                         {"id": 2, "status": "open", "created_at": "2026-10-20T10:00:00Z", "tags": ["complaint", "late"],
                          "metric_set": \(metrics)},
                         {"id": 3, "status": "open", "created_at": "2026-10-20T11:00:00Z", "metric_set": \(metrics)}]}
            """, displayPath: "tickets.json")
        // A record without the member says nothing, though others of its file have it.
        #expect(tags(api) == ["", "complaint,late", nil])
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
        #expect(sink.quarantined.map(\.reason.en) == ["orders.csv:3:2: Created at: empty, but `purchased_at` is required"])
    }
}
