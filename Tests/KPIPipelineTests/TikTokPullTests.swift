import Foundation
import KPIPipeline
import KPIPull
import KPIPullTesting
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// TikTok Shop orders through `kpibridge run`: signed requests, `next_page_token` pages, unix times.
@Suite struct TikTokPullTests {
    static let path = "/order/202309/orders/search"

    static func streams(_ base: String) -> String {
        """
          - stream: tiktok-orders
            api: tiktok.orders
            base_url: \(base)
            shop: tiktok-us
            shop_cipher: ROW_test
            start: 2026-11-15
            http: {attempts: 2, base_delay: 0.05, timeout: 5}
            credentials:
              app_key: file:credentials/tiktok_app_key
              app_secret: file:credentials/tiktok_app_secret
              access_token: file:credentials/tiktok_access_token

        """
    }

    static func scenario(secret: String) -> [String: Any] {
        ["routes": [
            ["method": "POST", "path": path, "tiktok_secret": secret, "responses": [["file": demoResponse("tiktok_orders_page1.json")]]],
            ["method": "POST", "path": path, "query": ["page_token": "tk-page-2"], "tiktok_secret": secret,
             "responses": [["file": demoResponse("tiktok_orders_page2.json")]]],
        ]]
    }

    @Test(arguments: StoreBackend.available) func signedPagesLoadOnce(_ backend: StoreBackend) throws {
        let server = try MockAPIServer(scenario: Self.scenario(secret: "tt-app-secret-7117"))
        let ws = try pullWorkspace(Self.streams(server.base), backend: backend)
        let report = try ws.pipeline().run()
        #expect(report.problems.isEmpty)
        // 2026-11-22T20:00:00Z is the latest update_time (1795377600).
        #expect(report.streams.first?.saved == StreamState(cursor: "2026-11-22T20:00:00Z"))
        let requests = try server.requests()
        #expect(requests.count == 2)
        #expect(requests.map { $0.query["page_token"] } == [nil, "tk-page-2"])
        #expect(requests.allSatisfy { $0.headers["x-tts-access-token"] == "tt-access-token-8228" && $0.query["app_key"] == "tt-app-key-6006" })
        // Start 2026-11-15 minus the default hour of lookback.
        #expect(requests[0].body == #"{"update_time_ge":1794697200}"#)
        #expect(try ws.rows("order_lines", platform: "tiktok").map { $0.split(separator: ",").prefix(6).joined(separator: ",") } == [
            "tiktok,577000000000000001,HB-LID-02,HB-LID-02,1,7", "tiktok,577000000000000001,HB-MUG-01,HB-MUG-01,2,36",
            "tiktok,577000000000000002,HB-KETTLE-03,HB-KETTLE-03,1,45",
        ])
        #expect(try ws.rows("orders", platform: "tiktok").map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] } == ["delivered", "cancelled"])

        let again = try ws.pipeline().run()
        #expect(again.filesRead == 0 && again.filesSkipped == 2)
        #expect(try server.requests().last?.body == #"{"update_time_ge":1795374000}"#)
    }

    /// A request the server cannot verify comes back as TikTok's error code: the stream fails,
    /// nothing is saved, and no credential is in the message (the app key is one too).
    @Test func aBadSignatureFailsTheStream() throws {
        let server = try MockAPIServer(scenario: Self.scenario(secret: "some-other-secret"))
        let ws = try pullWorkspace(Self.streams(server.base))
        let report = try ws.pipeline().run()
        let problem = try #require(report.problems.first)
        #expect(problem.hasPrefix("stream tiktok-orders: POST \(server.base)\(Self.path)?app_key=[redacted]&page_size=50&shop_cipher=ROW_test&sign=[redacted]&timestamp="))
        #expect(problem.hasSuffix(": TikTok code 106001: Invalid signature"))
        #expect(try ws.pipeline().streamStates().isEmpty)
        #expect(!pullSecrets.contains { report.text.contains($0) })
    }
}
