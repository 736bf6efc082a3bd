import Foundation
import KPIConnectors
import KPISchema
import Testing

/// The connectors that read what the API streams land, over landed pages of the demo responses
/// (samples/api-demo/responses; KPIPullTests checks the pullers land exactly these bytes).
@Suite struct APIConnectorGoldenTests {
    private func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        if ProcessInfo.processInfo.environment["KPIBRIDGE_WRITE_GOLDENS"] == "1" {
            try text.write(toFile: goldenSource(name), atomically: true, encoding: .utf8)
        }
        return text == (try String(contentsOfFile: fixture(name), encoding: .utf8))
    }

    /// The golden's path in the source tree (the test bundle holds a copy).
    private func goldenSource(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    private func records(_ connector: String, _ files: [String], shop: String) throws -> (String, [ReadStats]) {
        var text = ""
        var stats: [ReadStats] = []
        for file in files {
            let (sink, s) = try read(connector, file, shop: shop)
            text += render(sink.records) + sink.quarantined.map { "quarantined \($0.reason.en)\n            \($0.reason.zh)\n" }.joined()
            stats.append(s)
        }
        return (text, stats)
    }

    @Test func shopifyOrdersAPI() throws {
        let (text, stats) = try records("shopify.orders_api", ["shopify_orders_api_page1.json", "shopify_orders_api_page2.json"],
                                        shop: "shopify-dtc")
        #expect(try matchesGolden(text, "shopify_orders_api.golden"))
        #expect(stats.map(\.rowsRead) == [3, 1])
        #expect(stats.map(\.rowsQuarantined) == [0, 0])
    }

    @Test func tiktokOrdersAPI() throws {
        let (text, stats) = try records("tiktok.orders_api", ["tiktok_orders_api_page1.json", "tiktok_orders_api_page2.json"],
                                        shop: "tiktok-us")
        #expect(try matchesGolden(text, "tiktok_orders_api.golden"))
        #expect(stats.map(\.rowsRead) == [2, 1])
    }

    /// A landed row without its order time, and one with a price that is not a number: quarantined by
    /// record number, the good row loaded.
    @Test func badAPIRowsAreQuarantined() throws {
        let (sink, stats) = try read("shopify.orders_api", "shopify_orders_api_bad.json", shop: "shopify-dtc")
        #expect(stats.rowsRead == 3)
        #expect(stats.rowsLoaded == 1)
        #expect(sink.quarantined.map(\.reason.en) == [
            "shopify_orders_api_bad.json:2:2: created_at: empty, but `purchased_at` is required",
            "shopify_orders_api_bad.json:3:6: price: `twelve` is not a number; expected a number like 1,234.56, $12.00 or 12%",
        ])
    }

    /// A landed page whose `shipping` key was renamed in every record: before, every line read shipping as
    /// empty (0) and loaded. An amount no record has fails the file, naming the field;
    /// a key every record holds as `null` is present (empty), and loads.
    @Test func anAmountKeyNoRecordHasFailsTheFile() throws {
        let page = try String(contentsOfFile: fixture("shopify_orders_api_page1.json"), encoding: .utf8)
        let renamed = page.replacingOccurrences(of: "\"shipping\":", with: "\"shipping_total\":")
        let error = #expect(throws: MissingColumnsError.self) { try readText("shopify.orders_api", renamed, name: "page.json") }
        #expect(error?.missing.map(\.field) == ["shipping"])

        var nulls = page
        while let range = nulls.range(of: #""shipping":"[0-9.]+""#, options: .regularExpression) {
            nulls.replaceSubrange(range, with: "\"shipping\":null")
        }
        #expect(try readText("shopify.orders_api", nulls, name: "page.json").records.count > 0)
    }

    private func readText(_ connector: String, _ text: String, name: String) throws -> CollectingSink {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-\(UUID())-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = SourceContext(displayPath: name, fingerprint: try FileFingerprint.compute(path: path), runID: 1, shop: "shopify-dtc")
        var reader = try ConnectorCatalog(directories: [shippedConnectors]).connector(connector).open(path: path, context: context)
        var sink = CollectingSink()
        _ = try reader.read(into: &sink)
        return sink
    }
}
