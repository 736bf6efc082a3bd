import Foundation
import KPIPipeline
import KPIPull
import KPIPullTesting
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// `kpibridge run` pulling Shopify Admin REST orders from a real local server: pages, retries, the
/// call-limit bucket, the cursor saved only after the load, and nothing loaded twice.
@Suite struct ShopifyPullTests {
    static let path = "/admin/api/2025-07/orders.json"
    static let nextPage = "eyJsYXN0X2lkIjo1ODAxMDAwMDAyfQ"

    static func streams(_ base: String, attempts: Int = 5) -> String {
        """
          - stream: shopify-orders
            api: shopify.orders
            base_url: \(base)/admin/api/2025-07
            shop: shopify-dtc
            start: 2026-11-01
            lookback: 2h
            calls_per_second: 20
            keep_raw: true
            http: {attempts: \(attempts), base_delay: 0.05, timeout: 5}
            credentials:
              access_token: file:credentials/shopify_token

        """
    }

    static func page1(calls: String = "1/40") -> [String: Any] {
        ["file": demoResponse("shopify_orders_page1.json"),
         "headers": ["X-Shopify-Shop-Api-Call-Limit": calls,
                     "Link": "<{{base}}\(path)?limit=250&page_info=\(nextPage)>; rel=\"next\""]]
    }

    static var page2: [String: Any] { ["file": demoResponse("shopify_orders_page2.json"),
                                       "headers": ["X-Shopify-Shop-Api-Call-Limit": "2/40",
                                                   "Link": "<{{base}}\(path)?limit=250&page_info=eyJwcmV2In0>; rel=\"previous\""]]}

    static func scenario(first: [[String: Any]], second: [[String: Any]]) -> [String: Any] {
        ["routes": [["path": path, "query": ["status": "any"], "responses": first],
                    ["path": path, "query": ["page_info": nextPage], "responses": second]]]
    }

    /// Page 1 is dropped mid-body once, then served with the bucket at 39/40; page 2 answers 429
    /// (Retry-After: 1), then 500, then its orders. Run 2 asks again from the cursor minus 2h and
    /// loads nothing new.
    @Test(arguments: StoreBackend.available) func pagesRetriesBucketAndCursor(_ backend: StoreBackend) throws {
        let server = try MockAPIServer(scenario: Self.scenario(
            first: [["status": 200, "body": String(repeating: "x", count: 8_000), "drop": true], Self.page1(calls: "39/40")],
            second: [["status": 429, "headers": ["Retry-After": "1"], "body": "Exceeded 2 calls per second"],
                     ["status": 500, "body": "internal"], Self.page2]))
        let ws = try pullWorkspace(Self.streams(server.base), backend: backend)
        let report = try ws.pipeline().run()

        #expect(report.problems.isEmpty)
        let stream = try #require(report.streams.first)
        #expect(stream.landed.count == 2)
        #expect(stream.requests == 5 && stream.retries == 3)
        // 39 of 40 used: (39 - 36) calls over the headroom at 20 a second.
        #expect(stream.throttledSeconds == 0.15)
        #expect(stream.saved == StreamState(cursor: "2026-11-21T22:45:00Z"))

        let requests = try server.requests()
        #expect(requests.count == 5)
        #expect(requests[0].query == ["status": "any", "limit": "250", "updated_at_min": "2026-10-31T22:00:00Z", "order": "updated_at asc"])
        // The next page is asked for with its page_info verbatim and nothing but limit beside it.
        #expect(requests[2...].allSatisfy { $0.query == ["limit": "250", "page_info": Self.nextPage] })
        #expect(requests.allSatisfy { $0.headers["x-shopify-access-token"] == "shpat_test_secret_4242" })

        #expect(try ws.rows("orders", platform: "shopify").map { $0.split(separator: ",")[1] } == ["#1001", "#1002", "#1003"])
        #expect(try ws.rows("order_lines", platform: "shopify").map { $0.split(separator: ",").prefix(6).joined(separator: ",") } == [
            "shopify,#1001,HB-LID-02,HB-LID-02,1,7.5", "shopify,#1001,HB-MUG-01,HB-MUG-01,2,39.98",
            "shopify,#1002,HB-MUG-01,HB-MUG-01,1,19.99", "shopify,#1003,HB-KETTLE-03,HB-KETTLE-03,1,49",
        ])
        #expect(try ws.rows("refunds", platform: "shopify").map { $0.split(separator: ",").prefix(4).joined(separator: ",") } == ["shopify,#1003,total,15.5"])
        #expect(try ws.rows("fulfillment_events", platform: "shopify").map { $0.split(separator: ",").prefix(4).joined(separator: ",") } == [
            "shopify,#1001,delivered,2026-11-22T20:00:00Z", "shopify,#1001,outbound,2026-11-20T23:00:00Z",
            "shopify,#1003,outbound,2026-11-20T00:00:00Z",
        ])
        #expect(try ws.pipeline().streamStateReport().text.hasPrefix("shopify-orders [shopify.orders]: cursor 2026-11-21T22:45:00Z · saved "))

        // Raw responses kept, with the request index; the token is in no output.
        let raw = ws.texts(under: "raw/shopify-orders")
        #expect(raw.count == 3)
        let ordersLines = try ws.export("order_lines")
        let runs = try ws.export("runs")
        for secret in pullSecrets {
            #expect(!report.text.contains(secret))
            #expect(!raw.contains { $0.contains(secret) })
            #expect(!runs.contains(secret) && !ordersLines.contains(secret))
        }

        // Run 2: same pages again; the ledger skips both, the store is unchanged.
        try server.load(Self.scenario(first: [Self.page1()], second: [Self.page2]))
        let again = try ws.pipeline().run()
        #expect(try server.requests().first?.query["updated_at_min"] == "2026-11-21T20:45:00Z")
        #expect(again.filesRead == 0 && again.filesSkipped == 2)
        #expect(try ws.rows("order_lines", platform: "shopify").count == 4)
        #expect(try ws.export("order_lines") == ordersLines)
    }

    /// Page 2 fails past its retries: page 1 still loads, the cursor stays, the run exits 1. The
    /// re-run asks from the same point, skips page 1's bytes and counts every order once.
    @Test(arguments: StoreBackend.available) func aFailedPageKeepsTheCursorAndTheRerunCountsOnce(_ backend: StoreBackend) throws {
        let server = try MockAPIServer(scenario: Self.scenario(first: [Self.page1()], second: [["status": 500, "body": "down"]]))
        let ws = try pullWorkspace(Self.streams(server.base, attempts: 2), backend: backend)
        let failed = try ws.pipeline().run()
        #expect(failed.problems == ["stream shopify-orders: GET \(server.base)\(Self.path)?limit=250&page_info=\(Self.nextPage): HTTP 500: down — gave up after 2 attempts"])
        #expect(failed.filesRead == 1)
        #expect(failed.text.contains("1 stream failed; its state was not advanced, so the next run asks for the same data again (exit code 1)"))
        #expect(try ws.pipeline().streamStates().isEmpty)
        #expect(try ws.rows("order_lines", platform: "shopify").count == 3)
        #expect(try ws.export("runs").contains("streams failed"))

        try server.load(Self.scenario(first: [Self.page1()], second: [Self.page2]))
        let rerun = try ws.pipeline().run()
        #expect(rerun.problems.isEmpty)
        #expect(try server.requests().first?.query["updated_at_min"] == "2026-10-31T22:00:00Z")
        #expect(rerun.filesSkipped == 1 && rerun.filesRead == 1)
        #expect(try ws.rows("orders", platform: "shopify").count == 3)
        #expect(try ws.rows("order_lines", platform: "shopify").count == 4)
        #expect(try ws.pipeline().streamStates().map(\.state) == [#"{"cursor":"2026-11-21T22:45:00Z"}"#])
    }

    /// `state reset` sends the next run back to `start:`; the records it pulls again replace
    /// themselves.
    @Test func resetStartsFromTheBeginningWithoutDoubleCounting() throws {
        let server = try MockAPIServer(scenario: Self.scenario(first: [Self.page1()], second: [Self.page2]))
        let ws = try pullWorkspace(Self.streams(server.base))
        _ = try ws.pipeline().run()
        #expect(try ws.pipeline().resetStream("shopify-orders"))
        #expect(try ws.pipeline().streamStateReport("shopify-orders").text
                == "shopify-orders [shopify.orders]: nothing pulled yet (starts from `start:`)")
        #expect(try !ws.pipeline().resetStream("shopify-orders"))
        #expect(pipelineError { _ = try ws.pipeline().resetStream("nope") }?.message == "no stream `nope`; streams: shopify-orders")
        try server.load(Self.scenario(first: [Self.page1()], second: [Self.page2]))
        _ = try ws.pipeline().run()
        #expect(try server.requests().first?.query["updated_at_min"] == "2026-10-31T22:00:00Z")
        #expect(try ws.rows("order_lines", platform: "shopify").count == 4)
    }

    /// A literal token in kpibridge.yaml and plain HTTP to another host are refused before any request.
    @Test func unsafeConfigurationIsRefused() throws {
        let ws = try pullWorkspace("""
              - stream: shop
                api: shopify.orders
                base_url: http://shop.example.com/admin/api/2025-07
                start: 2026-11-01
                credentials: {access_token: file:credentials/shopify_token}

            """)
        #expect(pipelineError { _ = try ws.pipeline() }?.message
                == "kpibridge.yaml: stream shop: base_url must be https:// (plain http only to 127.0.0.1 or localhost)")
        let literal = try pullWorkspace("""
              - stream: shop
                api: shopify.orders
                base_url: https://shop.example.com/admin/api/2025-07
                start: 2026-11-01
                credentials: {access_token: shpat_pasted_in_yaml_123}

            """)
        let report = try literal.pipeline().run()
        #expect(report.problems == ["stream shop: credential `access_token` must be `env:VARIABLE` or `file:PATH` (a value written into kpibridge.yaml is refused)"])
        #expect(!report.text.contains("shpat_pasted_in_yaml_123"))
    }
}

/// `validate` names a stream whose credentials cannot be found, before a nightly run meets it.
@Test func validateNamesMissingCredentials() throws {
    let ws = try pullWorkspace("""
          - stream: shop
            api: shopify.orders
            base_url: https://shop.example.com/admin/api/2025-07
            start: 2026-11-01
            credentials: {access_token: env:KPIBRIDGE_TEST_NEVER_SET_TOKEN}
          - stream: tiktok
            api: tiktok.orders
            base_url: https://open-api.tiktokglobalshop.com
            start: 2026-11-01
            credentials: {app_key: file:credentials/tiktok_app_key, app_secret: file:credentials/missing, access_token: file:credentials/tiktok_access_token}

        """)
    #expect(try ws.pipeline().validate().map(\.en) == [
        "kpibridge.yaml: stream shop: credential `access_token`: environment variable KPIBRIDGE_TEST_NEVER_SET_TOKEN is not set",
        "kpibridge.yaml: stream tiktok: credential `app_secret`: file credentials/missing is missing, empty or not UTF-8",
    ])
}
