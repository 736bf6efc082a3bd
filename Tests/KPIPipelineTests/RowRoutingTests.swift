import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// One ERP or warehouse file covering several shops and marketplaces: each row is filed under the shop its
/// source's `shop_from:` names (a column's words, or the order id's shape), and a row no rule files is
/// quarantined with its value — never given the source's or the platform's default.
@Suite struct RowRoutingTests {
    /// The tiny workspace with `sources` added in front of its own.
    private static func workspace(_ sources: String, backend: StoreBackend = .sqlite) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(backend: backend)
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "sources:\n", with: "sources:\n" + sources)
        try ws.write("kpibridge.yaml", config)
        return ws
    }

    /// 领星 across three Amazon shops: two US accounts and the Canadian one.
    private static let lingxingSource = """
          - connector: lingxing.orders
            files: inbox/lingxing/*.csv
            shop_from:
              column: 店铺
              map: {HB-US: amazon:amazon-us, QX-US: amazon:amazon-us-qx, HB-CA: amazon:amazon-ca}

        """

    private static let lingxingOrders = """
        订单号,订购日期,订购时间(UTC),订单状态,MSKU,ASIN,店铺,站点,数量,币种,订单金额
        114-1000000-0000001,2026-10-10,2026-10-10 10:00:00,Shipped,P1,B0TEST0001,HB-US,US,2,USD,30.00
        114-1000000-0000002,2026-10-11,2026-10-11 10:00:00,Shipped,P2,B0TEST0002,QX-US,US,1,USD,12.50
        114-1000000-0000003,2026-10-12,2026-10-12 10:00:00,Shipped,P2,B0TEST0002, qx-us ,US,1,USD,7.25
        114-1000000-0000004,2026-10-13,2026-10-13 10:00:00,Shipped,P1,B0TEST0001,HB-CA,CA,1,USD,40.00
        114-1000000-0000005,2026-10-14,2026-10-14 10:00:00,Shipped,P1,B0TEST0001,HB-UK,UK,1,GBP,18.00

        """

    /// The warehouse's outbound exports under inbox/wms, Amazon and Shopify orders told apart by their ids.
    static let warehouseByOrderID = #"""
          - connector: wms.outbound
            files: inbox/wms/*.csv
            timezone: America/Los_Angeles
            shop_from:
              order_id:
                - {pattern: '\d{3}-\d{7}-\d{7}', shop: amazon:amazon-us}
                - {pattern: '#\d{4,}', shop: shopify:shopify-dtc}

        """#

    /// `platform,order_id,shop` of the orders whose id starts with one of `prefixes`.
    private static func orders(_ ws: TemporaryWorkspace, _ prefixes: [String]) throws -> [String] {
        try ws.export("orders").split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { row in prefixes.contains { row[1].hasPrefix($0) } }.map { $0.prefix(3).joined(separator: ",") }.sorted()
    }

    /// The us profile's October value of `metric` for `shop`, from the exported facts.
    private static func usMonth(_ ws: TemporaryWorkspace, _ metric: String, shop: String) throws -> [String] {
        var values: [String] = []
        for line in try ws.export("fact_metric").split(separator: "\r\n") {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "month", c[1] == "2026-10-01", c[4] == "shop", c[5] == shop, c[6] == metric, c[7] == "us" { values.append(c[10]) }
        }
        return values
    }

    /// The file's quarantine reasons as stored in `column` (`reason`, or `reason_zh` for the Chinese ones).
    private static func quarantineReasons(_ ws: TemporaryWorkspace, file: String, column: String = "reason") throws -> [String] {
        try ws.export("quarantine", .jsonl).split(separator: "\n").compactMap { line -> String? in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["file"] as? String == file else { return nil }
            return object[column] as? String
        }
    }

    @Test(arguments: StoreBackend.available) func aShopColumnFilesEachRowUnderItsShop(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(Self.lingxingSource, backend: backend)
        try ws.write("inbox/lingxing/订单.csv", Self.lingxingOrders)
        // The cn profile converts 10–13 October, which the tiny table's rates do not reach.
        let fx = try String(contentsOfFile: ws.path + "/fx_rates.csv", encoding: .utf8)
        try ws.write("fx_rates.csv", fx + "2026-10-08,USD,CNY,7.15\n")
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        #expect(try Self.orders(ws, ["114-1000000-"]) == [
            "amazon,114-1000000-0000001,amazon-us",
            "amazon,114-1000000-0000002,amazon-us-qx",
            // Written ` qx-us ` in the file: words match like headers (case, spaces).
            "amazon,114-1000000-0000003,amazon-us-qx",
            "amazon,114-1000000-0000004,amazon-ca",
        ])
        #expect(try Self.quarantineReasons(ws, file: "inbox/lingxing/订单.csv") == [
            "inbox/lingxing/订单.csv:6:7: 店铺: `HB-UK` is not in the source's `shop_from` map (it has `HB-CA`, `HB-US`, `QX-US`); "
                + "add `HB-UK: platform:shop`",
        ])
        #expect(try Self.quarantineReasons(ws, file: "inbox/lingxing/订单.csv", column: "reason_zh") == [
            "inbox/lingxing/订单.csv:6:7：店铺：`HB-UK` 不在数据源的 `shop_from` 映射中（已有 `HB-CA`、`HB-US`、`QX-US`）；"
                + "请添加 `HB-UK: platform:shop`",
        ])
        // The second account's October GMV is its two orders, 12.50 + 7.25, in the us profile's USD.
        #expect(try Self.usMonth(ws, "gmv", shop: "amazon-us-qx") == ["19.75"])
    }

    /// A 平台 the row states that contradicts the shop its 店铺名称 maps to is quarantined, not resolved by rule.
    @Test func aStatedPlatformThatContradictsTheRouteIsQuarantined() throws {
        let ws = try Self.workspace("""
              - connector: mabang.orders
                files: inbox/erp-routed/*.csv
                shop_from:
                  column: 店铺名称
                  map: {amazon-us: amazon:amazon-us, 官网: shopify:shopify-dtc}

            """)
        try ws.write("inbox/erp-routed/马帮.csv", """
            订单编号,平台订单号,平台,店铺名称,交运时间,发货时间,上网时间,运单号,币种,退款金额,退款时间
            MB7,112-0000002-0000002,Amazon,amazon-us,2026-10-15 10:00:00,2026-10-15 15:00:00,,T7,USD,,
            MB8,#2001,Shopify,amazon-us,2026-10-31 10:00:00,,,T8,USD,,

            """)
        _ = try ws.pipeline().run()
        #expect(try Self.quarantineReasons(ws, file: "inbox/erp-routed/马帮.csv") == [
            "inbox/erp-routed/马帮.csv:3:3: 平台: `Shopify` (shopify), but the source's `shop_from` files the row under amazon:amazon-us (店铺名称 `amazon-us`)",
        ])
        #expect(try Self.quarantineReasons(ws, file: "inbox/erp-routed/马帮.csv", column: "reason_zh") == [
            "inbox/erp-routed/马帮.csv:3:3：平台：`Shopify`（shopify），但数据源的 `shop_from` 把此行归入 amazon:amazon-us（店铺名称 `amazon-us`）",
        ])
    }

    /// A warehouse export with both marketplaces' orders and seconds in its times, told apart by the order
    /// id's shape: each event attaches to its own platform's order; an id of no known shape is quarantined.
    @Test(arguments: StoreBackend.available) func orderIDPatternsFileWarehouseEvents(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(Self.warehouseByOrderID, backend: backend)
        try ws.write("inbox/wms/出库_202610.csv", """
            参考号,订单号,平台参考号,运单号,仓库代码,订单状态,下单时间,打印时间,打包时间,出货时间,截单时间,运费(USD),总费用(USD)
            R1,WO1,112-0000002-0000002,1Z0000000000000001,USLA01,已出库,2026-10-15 04:00:00,2026-10-15 09:30:15,2026-10-15 11:02:40,2026-10-15 16:45:05,,4.20,5.10
            R2,WO2,#2001,9400100000000000000002,USLA01,已出库,2026-10-30 19:00:00,2026-10-31 07:10:20,2026-10-31 08:00:00,2026-10-31 15:00:00,,3.80,4.60
            R3,WO3,9001234567,9400100000000000000003,USLA01,已出库,2026-10-30 19:00:00,2026-10-31 07:15:00,,,,3.80,4.60

            """)
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        let events = try ws.export("fulfillment_events").split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { $0[7] == "wms.outbound" }.map { $0.prefix(4).joined(separator: ",") }.sorted()
        #expect(events == [
            "amazon,112-0000002-0000002,label_printed,2026-10-15T16:30:15Z",
            "amazon,112-0000002-0000002,outbound,2026-10-15T23:45:05Z",
            "shopify,#2001,label_printed,2026-10-31T14:10:20Z",
            "shopify,#2001,outbound,2026-10-31T22:00:00Z",
        ])
        #expect(try Self.quarantineReasons(ws, file: "inbox/wms/出库_202610.csv") == [
            "inbox/wms/出库_202610.csv:4:3: 平台参考号: `9001234567` matches no `shop_from` order_id pattern (`\\d{3}-\\d{7}-\\d{7}`, `#\\d{4,}`)",
        ])
        #expect(try Self.quarantineReasons(ws, file: "inbox/wms/出库_202610.csv", column: "reason_zh") == [
            "inbox/wms/出库_202610.csv:4:3：平台参考号：`9001234567` 不匹配任何 `shop_from` 订单号模式（`\\d{3}-\\d{7}-\\d{7}`、`#\\d{4,}`）",
        ])
    }

    /// A file without the column the rules read fails by name; the rest of the run loads.
    @Test func aFileWithoutTheShopColumnFails() throws {
        let ws = try Self.workspace("""
              - connector: wms.outbound
                files: inbox/wms/*.csv
                timezone: America/Los_Angeles
                shop_from: {column: 店铺, map: {HB-US: amazon:amazon-us}}

            """)
        try ws.write("inbox/wms/出库.csv", """
            参考号,平台参考号,运单号,仓库代码,打印时间,打包时间,出货时间,店铺名
            R1,112-0000002-0000002,1Z0000000000000001,USLA01,2026-10-15 09:30:15,,,HB-US

            """)
        let report = try ws.pipeline().run()
        #expect(report.failures == [
            "inbox/wms/出库.csv: has no column `店铺`, which the source's `shop_from` reads to tell each row's shop; closest found: `店铺名`",
        ])
        #expect(try ws.export("fulfillment_events").split(separator: "\r\n").allSatisfy { !$0.contains("wms.outbound") })
    }

    @Test func rulesThatCannotWorkAreRefusedWhenTheWorkspaceOpens() throws {
        let cases: [(String, String)] = [
            ("shop_from: {column: 店铺, map: {HB-US: amazon-us}}",
             "`map.HB-US` is `amazon-us`; expected platform:shop in lowercase, like amazon:amazon-us"),
            ("shop_from: {column: 店铺}",
             "`shop_from:` takes `column:` with `map:` (the export's word → platform:shop), or `order_id:` (a list of `pattern:` and `shop:`)"),
            ("shop_from: {order_id: [{pattern: '(', shop: amazon:amazon-us}]}",
             "`order_id[0].pattern` `(` is not a regular expression"),
            ("shop: amazon-us\n    shop_from: {column: 店铺, map: {HB-US: amazon:amazon-us}}",
             "`shop_from` names each row's shop and platform; remove `shop:` and `platform:`"),
            // Matched like headers, these two are one word: it cannot name two shops.
            ("shop_from: {column: 店铺, map: {HB-US: amazon:amazon-us, hb-us: amazon:amazon-us-qx}}",
             "`map` has `HB-US` and `hb-us`, which read alike, for amazon:amazon-us and amazon:amazon-us-qx; keep one"),
            // 领星's layout is Amazon's: a row routed to Shopify would be an Amazon order filed as a Shopify one.
            ("shop_from: {column: 店铺, map: {HB-US: amazon:amazon-us, 官网: shopify:shopify-dtc}}",
             "`shop_from` files rows under shopify:shopify-dtc, but `lingxing.orders` reads amazon exports only"),
        ]
        for (setting, message) in cases {
            let ws = try Self.workspace("  - connector: lingxing.orders\n    files: inbox/lingxing/*.csv\n    \(setting)\n")
            #expect(pipelineError { _ = try ws.pipeline() }?.description == "kpibridge.yaml: source `inbox/lingxing/*.csv`: \(message)")
        }
        let ws = try Self.workspace("""
              - connector: amazon.business_report
                files: inbox/traffic/*.csv
                shop_from: {order_id: [{pattern: 'x', shop: amazon:amazon-us}]}

            """)
        #expect(pipelineError { _ = try ws.pipeline() }?.description
            == "kpibridge.yaml: source `inbox/traffic/*.csv`: `shop_from: order_id` needs order ids, and `amazon.business_report` reads none; use `shop_from: {column: …, map: …}`")
    }

    /// An Amazon flat file naming no shop is refused when `shop_from` names two Amazon shops: the only-shop
    /// rule must count the shops the rules name.
    @Test func shopsNamedByRulesCountForFilesWithoutAShop() throws {
        let ws = try Self.workspace(Self.lingxingSource)
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "    files: inbox/amazon/*.txt\n    shop: amazon-us\n", with: "    files: inbox/amazon/*.txt\n")
        try ws.write("kpibridge.yaml", config)
        let report = try ws.pipeline().run()
        #expect(report.failures.contains { $0.hasPrefix("inbox/amazon/orders.txt: its rows name no shop, no source gives it one, and the workspace has 3 shops on amazon (amazon-ca, amazon-us, amazon-us-qx)") })
    }

    /// `import --shop` on a file a `shop_from` source reads would be overruled by the rules without a word.
    @Test func importShopBesideRulesIsAUsageError() throws {
        let ws = try Self.workspace(Self.lingxingSource)
        try ws.write("inbox/lingxing/订单.csv", Self.lingxingOrders)
        let error = pipelineError {
            _ = try ws.pipeline().importFiles(connector: "lingxing.orders", files: [ws.path + "/inbox/lingxing/订单.csv"], shop: "amazon-eu")
        }
        #expect(error?.kind == .usage)
        #expect(error?.message == "inbox/lingxing/订单.csv is read by a source with `shop_from`, which names each row's shop and platform; "
            + "leave out --shop and --platform (or edit the source's rules)")
    }
}
