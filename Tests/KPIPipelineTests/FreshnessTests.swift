import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import KPIWorkspace
import Testing

/// A source whose exports stop arriving is named by `freshness` and at the end of every run, with exit
/// code 4 when nothing else failed; a re-sent copy of a loaded file is not new data.
@Suite struct FreshnessTests {
    static func workspace(_ backend: StoreBackend) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("kpibridge.yaml", """
            store: sqlite:.kpibridge/warehouse.sqlite
            sources:
              - connector: amazon.all_orders
                files: inbox/amazon/*.txt
                shop: amazon-us
                fresh_within: 36h
              - connector: shopify.orders
                files: inbox/shopify/*.csv
                shop: shopify-dtc
                fresh_within: 2d
              - connector: mabang.orders
                files: inbox/erp/*.csv

            """)
        return ws
    }

    static func pipeline(_ ws: TemporaryWorkspace, at time: String) throws -> Pipeline {
        var pipeline = try ws.pipeline()
        let instant = Instant(iso8601: time)!
        pipeline.now = { instant }
        return pipeline
    }

    @Test(arguments: StoreBackend.available)
    func staleSourcesAreNamedWithTheirAgeAndExitFour(backend: StoreBackend) throws {
        let ws = try Self.workspace(backend)
        let first = try Self.pipeline(ws, at: "2026-11-02T01:00:00Z").run()
        #expect(first.exitCode == 0 && first.freshness?.stale == [])
        #expect(first.freshness.flatMap(\.runLine) == nil)

        // 37 hours on, Amazon's export has not come again; Shopify's 2 days have not passed.
        let later = try SourceFreshness.check(try Self.pipeline(ws, at: "2026-11-03T14:00:00Z"))
        #expect(later.watched == 2)
        #expect(later.stale.map(\.connector) == ["amazon.all_orders"])
        let hours37: Int64 = 37 * 3_600
        #expect(later.entries.map(\.age) == [hours37, hours37, hours37])
        #expect(later.text == """
            kpibridge freshness · as of 2026-11-03T14:00:00Z
              STALE  inbox/amazon/*.txt [amazon.all_orders]: newest file loaded 2026-11-02T01:00:00Z (1d 13h ago: inbox/amazon/orders_resend.txt); expected within 36h
              ok     inbox/shopify/*.csv [shopify.orders]: newest file loaded 2026-11-02T01:00:00Z (1d 13h ago: inbox/shopify/orders.csv); expected within 2d
              -      inbox/erp/*.csv [mabang.orders]: newest file loaded 2026-11-02T01:00:00Z (1d 13h ago: inbox/erp/马帮发货.csv) (no fresh_within set)
            1 of 2 watched sources stale (exit code 4)
            """)
        #expect(later.text(language: .zh) == """
            kpibridge freshness · 截至 2026-11-03T14:00:00Z
              过期   inbox/amazon/*.txt [amazon.all_orders]：最新文件加载于 2026-11-02T01:00:00Z（1 天 13 小时前：inbox/amazon/orders_resend.txt）；应在 36h 内
              正常   inbox/shopify/*.csv [shopify.orders]：最新文件加载于 2026-11-02T01:00:00Z（1 天 13 小时前：inbox/shopify/orders.csv）；应在 2d 内
              -      inbox/erp/*.csv [mabang.orders]：最新文件加载于 2026-11-02T01:00:00Z（1 天 13 小时前：inbox/erp/马帮发货.csv）（未设置 fresh_within）
            受监控的 2 个数据源中 1 个过期（退出码 4）
            """)

        // A re-sent copy of a loaded file is skipped by its hash: still stale, and the run says so and exits 4.
        try ws.write("inbox/amazon/again.txt", try String(contentsOfFile: ws.path + "/inbox/amazon/orders.txt", encoding: .utf8))
        let resent = try Self.pipeline(ws, at: "2026-11-03T14:00:00Z").run()
        #expect(resent.filesRead == 0)
        #expect(resent.exitCode == 4)
        #expect(resent.text.hasSuffix("STALE SOURCES (exit code 4 when nothing else failed): inbox/amazon/*.txt [amazon.all_orders] newest file 1d 13h old, expected within 36h"))
        #expect(resent.text(language: .zh).hasSuffix("数据源过期（没有其他失败时退出码 4）：inbox/amazon/*.txt [amazon.all_orders] 最新文件距今 1 天 13 小时，应在 36h 内"))
        #expect(try RunHistory.load(try ws.pipeline(), limit: 1).runs.map(\.status) == ["stale sources"])

        // A new file brings it back.
        try ws.write("inbox/amazon/new.txt", """
            amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price
            114-77\t2026-11-02T08:00:00+00:00\t2026-11-02T08:00:00+00:00\tShipped\tS1\t1\tUSD\t10.00\t0.00\t0.00

            """)
        let fresh = try Self.pipeline(ws, at: "2026-11-03T15:00:00Z").run()
        #expect(fresh.exitCode == 0 && fresh.freshness?.stale == [])
    }

    @Test func aWatchedSourceThatNeverLoadedIsStaleAndJSONSaysSo() throws {
        let ws = try Self.workspace(.sqlite)
        try FileManager.default.removeItem(atPath: ws.path + "/inbox/shopify")
        _ = try Self.pipeline(ws, at: "2026-11-02T01:00:00Z").run()
        let check = try SourceFreshness.check(try Self.pipeline(ws, at: "2026-11-02T02:00:00Z"))
        #expect(check.stale.map(\.connector) == ["shopify.orders"])
        #expect(check.json.contains(#"{"files":"inbox/shopify/*.csv","connector":"shopify.orders","fresh_within":"2d","newest_file":null,"newest_loaded_at":null,"age_seconds":null,"stale":true}"#))
    }

    @Test func aBadCadenceIsRefusedWhenTheWorkspaceOpens() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("kpibridge.yaml", "sources:\n  - connector: shopify.orders\n    files: inbox/shopify/*.csv\n    fresh_within: daily\n")
        let error = pipelineError { _ = try ws.pipeline() }
        #expect(error?.message == "kpibridge.yaml: source `inbox/shopify/*.csv`: fresh_within `daily` is not a length like 30m, 6h or 2d")
    }

    @Test func importDoesNotJudgeFreshness() throws {
        let ws = try Self.workspace(.sqlite)
        let report = try Self.pipeline(ws, at: "2026-11-02T01:00:00Z").importFiles(connector: "amazon.all_orders", files: [ws.path + "/inbox/amazon/orders.txt"], shop: "amazon-us")
        #expect(report.freshness == nil && report.exitCode == 0)
    }
}
