import Foundation
import KPICompression
import KPIConnectors
@testable import KPIPull
import KPIPullTesting
import KPISchema
import Testing

/// API responses become landed files byte for byte as the connector goldens expect them
/// (Tests/KPIConnectorsTests/Fixtures/*_api_page*.json are read by APIConnectorGoldenTests).
@Suite struct ShapingTests {
    private func landed(_ response: String, key: (([String: Any]) -> [[String: Any]]), path: [String], api: String) throws -> Data {
        var document: Any? = APIJSON.object(try Data(contentsOf: URL(fileURLWithPath: MockAPIServer.responses + "/" + response)))
        for step in path { document = (document as? [String: Any])?[step] }
        let orders = document as? [[String: Any]] ?? []
        return APIJSON.landingDocument(api: api, rows: orders.flatMap(key))
    }

    private func connectorFixture(_ name: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent("Tests/KPIConnectorsTests/Fixtures/" + name))
    }

    @Test(arguments: [1, 2]) func shopifyPagesLandAsTheGoldenFixtures(_ page: Int) throws {
        let data = try landed("shopify_orders_page\(page).json", key: ShopifyOrderRows.rows, path: ["orders"], api: "shopify.orders")
        if ProcessInfo.processInfo.environment["KPIBRIDGE_WRITE_GOLDENS"] == "1" {
            try data.write(to: repository.appendingPathComponent("Tests/KPIConnectorsTests/Fixtures/shopify_orders_api_page\(page).json"))
        }
        #expect(data == (try connectorFixture("shopify_orders_api_page\(page).json")))
    }

    @Test(arguments: [1, 2]) func tiktokPagesLandAsTheGoldenFixtures(_ page: Int) throws {
        let data = try landed("tiktok_orders_page\(page).json", key: TikTokOrderRows.rows, path: ["data", "orders"], api: "tiktok.orders")
        #expect(data == (try connectorFixture("tiktok_orders_api_page\(page).json")))
    }

    /// Refunds are summed over successful refund transactions only; money sits on the first line.
    @Test func shopifyRefundsAndMoneyOnTheFirstLine() {
        let order: [String: Any] = [
            "name": "#7", "created_at": "2026-11-01T10:00:00-07:00", "financial_status": "refunded", "processed_at": "2026-11-01T10:00:00-07:00",
            "total_tax": "1.00", "total_shipping_price_set": ["shop_money": ["amount": "4.00"]],
            "line_items": [["sku": "A", "quantity": 1, "price": "10.00"], ["sku": "", "quantity": 2, "price": "3.00"]],
            "refunds": [["transactions": [["kind": "refund", "status": "success", "amount": "2.50"],
                                          ["kind": "refund", "status": "error", "amount": "9.00"],
                                          ["kind": "sale", "status": "success", "amount": "1.00"]]],
                        ["transactions": [["kind": "refund", "amount": "0.75"]]]],
            "fulfillments": [["status": "cancelled", "created_at": "2026-11-01T11:00:00-07:00"],
                             ["status": "success", "created_at": "2026-11-02T09:00:00-07:00", "tracking_number": "T2"],
                             ["status": "success", "created_at": "2026-11-01T12:00:00-07:00", "tracking_number": "T1"]],
        ]
        let rows = ShopifyOrderRows.rows(order)
        #expect(rows.count == 2)
        #expect(APIJSON.text(rows[0]["refunded_amount"]) == "3.25")
        #expect(APIJSON.text(rows[0]["shipping"]) == "4.00")
        #expect(APIJSON.text(rows[0]["tax"]) == "1.00")
        #expect(rows[1]["refunded_amount"] == nil && rows[1]["shipping"] == nil)
        #expect(rows[1]["sku"] is NSNull)
        // The earliest fulfilment that was not cancelled.
        #expect(APIJSON.text(rows[0]["fulfilled_at"]) == "2026-11-01T12:00:00-07:00")
        #expect(APIJSON.text(rows[0]["paid_at"]) == "2026-11-01T10:00:00-07:00")
    }

    @Test func gzipDocumentsInflateExactlyAndTruncationIsAnError() throws {
        let compressed = try fixtureData("all_orders_report.txt.gz")
        let plain = try Data(contentsOf: URL(fileURLWithPath: MockAPIServer.responses + "/amazon_all_orders_report.txt"))
        #expect(Gzip.isCompressed(compressed) && !Gzip.isCompressed(plain))
        #expect(try Gzip.decompress(compressed, name: "report 1") == plain)
        #expect(throws: FileFormatError(file: "report 1", message: Bilingual("is not a complete gzip document: its compressed data ends before the stream does",
                                                                    "不是完整的 gzip 文档（zlib：its compressed data ends before the stream does）"))) {
            try Gzip.decompress(compressed.prefix(compressed.count - 12), name: "report 1")
        }
        #expect(throws: FileFormatError(file: "report 1", message: Bilingual("inflates past 0 MiB; refused", "解压后超过 0 MiB；拒绝读取"))) {
            try Gzip.decompress(compressed, name: "report 1", limit: 100)
        }
    }

    @Test func stateIsStoredAsSortedCompactJSON() throws {
        let state = StreamState(cursor: "2026-11-21T22:45:00Z", nextDay: nil,
                                pendingReport: PendingReport(reportID: "5001", start: "2026-11-18", end: "2026-11-24", requestedAt: "2026-12-02T05:00:00Z"))
        #expect(state.json == #"{"cursor":"2026-11-21T22:45:00Z","pending_report":{"end":"2026-11-24","report_id":"5001","requested_at":"2026-12-02T05:00:00Z","start":"2026-11-18"}}"#)
        #expect(try StreamState(json: state.json) == state)
    }
}

/// API times as instants: offsets, Z, fractions; anything else is not a time.
@Test func apiTimesParseExactly() {
    #expect(APIJSON.instant("2026-10-05T09:15:12-07:00")?.iso8601 == "2026-10-05T16:15:12Z")
    #expect(APIJSON.instant("2026-10-05T23:30:00+08:00")?.iso8601 == "2026-10-05T15:30:00Z")
    #expect(APIJSON.instant("2026-10-05T09:15:12Z")?.iso8601 == "2026-10-05T09:15:12Z")
    #expect(APIJSON.instant("2026-10-05T09:15:12.987Z")?.iso8601 == "2026-10-05T09:15:12Z")
    #expect(APIJSON.instant("2026-10-05T09:15:12.5+05:30")?.iso8601 == "2026-10-05T03:45:12Z")
    for bad in ["2026-10-05 09:15", "2026-02-30T00:00:00Z", "2026-10-05T09:15:12", "2026-10-05T09:15:12+0700",
                "2026-10-05T25:00:00Z", "2026-10-05T09:15:12Zx", ""] {
        #expect(APIJSON.instant(bad) == nil, "\(bad)")
    }
}
