import Foundation
import KPIConnectors
import KPISchema
import Testing

/// Every connector of the library read over its sample export must yield exactly its golden
/// records and quarantine reasons. Goldens were written once with `KPIBRIDGE_WRITE_GOLDENS=1`
/// and checked by hand against the sample files; a change in output fails here.
@Suite struct LibraryGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var connector: String
        var file: String
        var shop: String? = nil
        var platform: String? = nil
        var currency: String? = nil
        var period: String? = nil
        var timezone: String? = nil
        var testDescription: String { connector }
    }

    static let cases: [Case] = [
        Case(connector: "amazon.fba_returns", file: "amazon/returns/FBA_Customer_Returns_202610.txt"),
        Case(connector: "amazon.fba_shipments", file: "amazon/shipments/Amazon_Fulfilled_Shipments_202611.txt"),
        Case(connector: "amazon.settlement_v2", file: "amazon/settlement/Settlement_13370000001.txt"),
        Case(connector: "amazon.business_report", file: "amazon/traffic/BusinessReport-2026-10.csv", shop: "amazon-us", currency: "USD", period: "2026-10"),
        Case(connector: "amazon.sp_advertised_product", file: "amazon/ads/Sponsored_Products_Advertised_product_report_202610.xlsx", shop: "amazon-us"),
        Case(connector: "amazon.fba_inventory", file: "amazon/inventory/FBA_Manage_Inventory_20261031.txt", period: "2026-10-31"),
        Case(connector: "tiktok.orders", file: "tiktok/tiktok_orders_202610.csv", shop: "tiktok-us", currency: "USD"),
        Case(connector: "walmart.orders", file: "walmart/Walmart_Order_Report_202610.xlsx", shop: "walmart-us", currency: "USD", timezone: "America/Los_Angeles"),
        Case(connector: "ebay.orders", file: "ebay/eBay-OrdersReport-Oct-31-2026.csv", shop: "ebay-homebase", currency: "USD"),
        Case(connector: "dianxiaomi.sales", file: "erp/店小秘销售利润_202610.csv"),
        Case(connector: "lingxing.orders", file: "erp/领星订单_202610.csv"),
        Case(connector: "wms.outbound", file: "erp/海外仓出库_202610.xlsx", platform: "amazon", timezone: "America/Los_Angeles"),
        Case(connector: "erp.inventory", file: "erp/库存盘点_20261031.xlsx"),
        Case(connector: "zendesk.tickets", file: "helpdesk/zendesk_tickets_202610.csv", timezone: "America/Los_Angeles"),
        Case(connector: "zendesk.tickets_api", file: "helpdesk/zendesk_tickets_api_202610.json"),
        Case(connector: "freshdesk.tickets", file: "helpdesk/freshdesk_tickets_202610.csv", timezone: "America/Los_Angeles"),
        Case(connector: "easypost.shipments", file: "tracking/easypost_shipments_202610.json", platform: "shopify"),
        Case(connector: "carrier.tracking_xml", file: "tracking/carrier_events_202610.xml", platform: "amazon"),
        Case(connector: "aftership.trackings", file: "tracking/aftership_trackings_202610.json"),
        Case(connector: "team.roster", file: "team/roster.csv"),
        Case(connector: "team.ratings", file: "team/ratings_202610.csv"),
        Case(connector: "team.violations", file: "team/violations_2026.csv"),
        Case(connector: "team.contracts", file: "team/contracts_2026.csv"),
        Case(connector: "team.design_tasks", file: "team/design_tasks_202610.xlsx"),
        Case(connector: "reviews.export", file: "team/reviews_202610.csv"),
        Case(connector: "fx.rates", file: "fx/boc_rates_202611.csv"),
        Case(connector: "finance.sku_costs", file: "finance/SKU成本表_2026.csv"),
    ]

    @Test(arguments: cases) func sampleExportMatchesGolden(_ c: Case) throws {
        let path = sampleInbox + "/" + c.file
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        let context = SourceContext(displayPath: c.file, fingerprint: try FileFingerprint.compute(path: path), runID: 7,
                                    shop: c.shop, platform: c.platform, timezone: c.timezone, currency: c.currency,
                                    period: c.period.flatMap(DateRange.init(parsing:)))
        var reader = try catalog.connector(c.connector).open(path: path, context: context)
        var sink = CollectingSink()
        let stats = try reader.read(into: &sink)
        let actual = render(sink.records) + sink.quarantined.map { "quarantined \($0.reason.en)\n            \($0.reason.zh)\n" }.joined()
            + "stats read=\(stats.rowsRead) skipped=\(stats.rowsSkipped) quarantined=\(stats.rowsQuarantined)\n"
        let goldenPath = goldenDirectory + "/" + c.connector + ".golden"
        if ProcessInfo.processInfo.environment["KPIBRIDGE_WRITE_GOLDENS"] == "1" {
            try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOfFile: goldenPath, encoding: .utf8)))
    }

    /// Every shipped connector has a Chinese title (`connectors list`, `init` and `doctor` show it to a Chinese
    /// reader), and it is not the English one copied.
    @Test func everyShippedConnectorHasAChineseTitle() throws {
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        #expect(catalog.ids.count > 40)
        for id in catalog.ids {
            let connector = try catalog.connector(id)
            let zh = try #require(connector.titleZh, "\(id) has no title_zh")
            #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } && zh != connector.title, "\(id): \(zh)")
        }
    }

    /// Every connector declares the columns it knows, so a column its sample lacks no field for is drift:
    /// the samples themselves show none.
    @Test(arguments: cases) func samplesShowNoDrift(_ c: Case) throws {
        let path = sampleInbox + "/" + c.file
        let context = SourceContext(displayPath: c.file, fingerprint: try FileFingerprint.compute(path: path), runID: 7,
                                    shop: c.shop, platform: c.platform, timezone: c.timezone, currency: c.currency,
                                    period: c.period.flatMap(DateRange.init(parsing:)))
        let reader = try ConnectorCatalog(directories: [shippedConnectors]).connector(c.connector).open(path: path, context: context)
        #expect((reader as? any HeaderReporting)?.unknownColumns == [])
    }

    /// A key an API starts sending is named, in JSON as in CSV.
    @Test func aNewKeyInAJSONRecordIsDrift() throws {
        let original = try String(contentsOfFile: sampleInbox + "/tracking/easypost_shipments_202610.json", encoding: .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("easypost-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try original.replacingOccurrences(of: "\"status\": \"in_transit\",", with: "\"status\": \"in_transit\", \"geo_hash\": \"9q5\",")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let context = SourceContext(displayPath: "easypost.json", fingerprint: try FileFingerprint.compute(path: path), runID: 7, platform: "shopify")
        let reader = try ConnectorCatalog(directories: [shippedConnectors]).connector("easypost.shipments").open(path: path, context: context)
        #expect((reader as? any HeaderReporting)?.unknownColumns == ["geo_hash"])
    }

    /// Detection routes every sample export to the connector its golden test uses, and only to it.
    @Test(arguments: cases) func detectionPicksTheConnector(_ c: Case) throws {
        let path = sampleInbox + "/" + c.file
        let detector = ConnectorDetector(catalog: try ConnectorCatalog(directories: [shippedConnectors]))
        let choice = detector.choose(path: path, display: c.file, fingerprint: try FileFingerprint.compute(path: path))
        #expect((try? choice.get())?.connector == c.connector)
    }
}

/// The sample workspace's inbox, where each connector's realistic sample lives.
let sampleInbox = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("samples/workspace/inbox").path

/// Golden outputs of the library tests, committed beside the test sources.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").path
