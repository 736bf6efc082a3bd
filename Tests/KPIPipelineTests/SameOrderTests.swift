import Foundation
import KPIPipeline
import KPIStore
import KPIPullTesting
import KPIStoreTesting
import KPIText
import KPIWorkspace
import Testing

/// A sale stored under two channels (a TikTok Shop order an app copied into Shopify, tagged with its
/// TikTok id) counts once, in the channel the source's `same_order:` rule names, whichever copy arrives first.
@Suite struct SameOrderTests {
    private static let rule = #"""
            same_order: {field: tags, pattern: 'TikTok-(\d{18})', platform: tiktok, counts_in: tiktok}
        """#

    private static let tiktokSource = """
          - connector: tiktok.orders
            files: inbox/tiktok/*.csv
            shop: tiktok-us
            currency: USD

        """

    /// The admin's export with its `Tags` cell: #2001 as in the fixture, #2002 the copy of TikTok order
    /// 576800000000000001 (the app's tags, the TikTok id among them).
    private static let shopify = """
        Name,Financial Status,Paid at,Fulfilled at,Currency,Shipping,Taxes,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Cancelled at,Refunded Amount,Tags
        #2001,partially_refunded,2026-10-30 18:00:00 -0700,2026-10-31 06:00:00 -0700,USD,0.00,2.80,2026-10-30 18:00:00 -0700,1,Lantern,25.00,S1,,5.00,
        #2001,,,,,,,,2,Strap,5.00,S2,,,
        #2002,paid,2026-10-20 09:00:30 -0700,,USD,0.00,0.00,2026-10-20 09:00:30 -0700,2,Titanium Mug,20.00,HB-MUG-TI,,0.00,"TikTok, TikTok-576800000000000001"

        """

    /// TikTok Shop's export of the same sale, ids and times ending in a tab as the seller center writes them.
    private static let tiktok = """
        \u{FEFF}Order ID,Order Status,Order Substatus,Cancelation/Return Type,Normal or Pre-order,SKU ID,Seller SKU,Product Name,Variation,Quantity,Sku Quantity of return,SKU Unit Original Price,SKU Subtotal Before Discount,SKU Platform Discount,SKU Seller Discount,SKU Subtotal After Discount,Shipping Fee After Discount,Original Shipping Fee,Taxes,Order Amount,Order Refund Amount,Created Time,Paid Time,RTS Time,Shipped Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,Fulfillment Type,Warehouse Name,Tracking ID,Delivery Option,Shipping Provider Name
        576800000000000001\t,Awaiting shipment,Awaiting shipment,,Normal,1729384756\t,HB-MUG-TI,Titanium Mug 450ml,Silver,2,0,20.00,40.00,0.00,0.00,40.00,0.00,0.00,0.00,40.00,0.00,10/20/2026 09:00:00 AM\t,10/20/2026 09:00:10 AM\t,,,,,,,Fulfilled by seller,LA Warehouse,,Standard shipping,USPS

        """

    private static let shopifyFile = ("inbox/shopify/orders.csv", shopify)
    private static let tiktokFile = ("inbox/tiktok/tiktok_orders_202610.csv", tiktok)

    /// The tiny workspace with the TikTok source and the rule on its Shopify source.
    private static func workspace(rule: String = rule, backend: StoreBackend) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(backend: backend)
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "    shop: shopify-dtc\n", with: "    shop: shopify-dtc\n" + rule + "\n")
        config = config.replacingOccurrences(of: "sources:\n", with: "sources:\n" + tiktokSource)
        try ws.write("kpibridge.yaml", config)
        return ws
    }

    /// October's `orders` under profile us per company and platform scope.
    private static func octoberOrders(_ ws: TemporaryWorkspace) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try ws.export("fact_metric").split(separator: "\r\n") {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "month", c[1] == "2026-10-01", c[6] == "orders", c[7] == "us", c[4] != "shop" { out["\(c[4]):\(c[5])"] = c[10] }
        }
        return out
    }

    /// Every fact row but the run that wrote it.
    private static func facts(_ ws: TemporaryWorkspace) throws -> [String] {
        try ws.export("fact_metric").split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
    }

    @Test(arguments: StoreBackend.available) func aTaggedCopyCountsOnceInTheChannelTheRuleNames(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(backend: backend)
        for (path, text) in [Self.shopifyFile, Self.tiktokFile] { try ws.write(path, text) }
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        var summary = SameOrders.Summary()
        summary.countedOnce = 1
        summary.changed = 2
        #expect(report.refresh?.sameOrders == summary)
        // Shopify keeps #2001 only; TikTok has its order; the company counts the sale once.
        let orders = try Self.octoberOrders(ws)
        #expect(orders["platform:shopify"] == "1")
        #expect(orders["platform:tiktok"] == "1")
        let amazon = Int(orders["platform:amazon"] ?? "0")!
        #expect(orders["company:all"] == String(amazon + 2))
        #expect(try ws.export("v_same_order").split(separator: "\r\n") == [
            "platform,order_id,twin_platform,twin_order_id,twin_loaded,counted_in,source_file,source_line",
            "shopify,#2002,tiktok,576800000000000001,1,tiktok,inbox/shopify/orders.csv,4",
        ])
    }

    @Test(arguments: StoreBackend.available) func theCopyCountsWhereItIsUntilItsTwinArrives(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(backend: backend)
        try ws.write(Self.shopifyFile.0, Self.shopifyFile.1)
        let first = try ws.pipeline().run()
        var awaiting = SameOrders.Summary()
        awaiting.awaitingCopy = 1
        awaiting.emptyChannels = ["tiktok"]  // no TikTok export yet: said, in case the rule's platform is misspelt
        #expect(first.refresh?.sameOrders == awaiting)
        #expect(try Self.octoberOrders(ws)["platform:shopify"] == "2")
        #expect(try ws.export("v_same_order").split(separator: "\r\n").last
                == "shopify,#2002,tiktok,576800000000000001,0,shopify,inbox/shopify/orders.csv,4")

        try ws.write(Self.tiktokFile.0, Self.tiktokFile.1)
        let second = try ws.pipeline().run()
        // An incremental refresh: #2002's day is recomputed although no Shopify record changed.
        guard case .incremental? = second.refresh?.refresh else {
            Issue.record("expected an incremental refresh, got \(String(describing: second.refresh?.refresh))")
            return
        }
        var settled = SameOrders.Summary()
        settled.countedOnce = 1
        settled.changed = 2
        #expect(second.refresh?.sameOrders == settled)
        let orders = try Self.octoberOrders(ws)
        #expect(orders["platform:shopify"] == "1")
        #expect(orders["platform:tiktok"] == "1")

        // The same facts as loading both at once.
        let together = try Self.workspace(backend: backend)
        for (path, text) in [Self.shopifyFile, Self.tiktokFile] { try together.write(path, text) }
        _ = try together.pipeline().run()
        #expect(try Self.facts(ws) == Self.facts(together))
    }

    @Test func aRuleCountingTheOtherWayKeepsTheShopifyCopy() throws {
        let ws = try Self.workspace(rule: Self.rule.replacingOccurrences(of: "counts_in: tiktok", with: "counts_in: shopify"),
                                    backend: .sqlite)
        for (path, text) in [Self.shopifyFile, Self.tiktokFile] { try ws.write(path, text) }
        _ = try ws.pipeline().run()
        let orders = try Self.octoberOrders(ws)
        #expect(orders["platform:shopify"] == "2")
        #expect(orders["platform:tiktok"] == nil)
        #expect(try ws.export("v_same_order").split(separator: "\r\n").last
                == "shopify,#2002,tiktok,576800000000000001,1,shopify,inbox/shopify/orders.csv,4")
    }

    /// Orders pulled from Shopify's API carry their tags too: the same rule reads them.
    @Test func pulledShopifyOrdersFollowTheRuleToo() throws {
        let ws = try TemporaryWorkspace(backend: .sqlite)
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "sources:\n", with: "sources:\n" + Self.tiktokSource + """
              - connector: shopify.orders_api
                files: inbox/shopify_api/*.json
                shop: shopify-dtc
            \(Self.rule)

            """)
        try ws.write("kpibridge.yaml", config)
        try ws.write(Self.tiktokFile.0, Self.tiktokFile.1)
        try ws.write("inbox/shopify_api/orders_page1.json", """
            {"api":"shopify.orders","rows":[{"cancelled_at":null,"created_at":"2026-10-20T09:00:30-07:00","currency":"USD",\
            "financial_status":"paid","line_id":"13010","note":null,"order_id":"#2002","paid_at":"2026-10-20T09:00:30-07:00",\
            "price":"20.00","quantity":"2","refunded_amount":null,"shipping":"0.00","shopify_id":"5801000010","sku":"HB-MUG-TI","tags":"TikTok, TikTok-576800000000000001","tax":"0.00",\
            "updated_at":"2026-10-20T09:05:00-07:00"}]}
            """)
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        #expect(report.refresh?.sameOrders.countedOnce == 1)
        #expect(try ws.export("v_same_order").split(separator: "\r\n").last
                == "shopify,#2002,tiktok,576800000000000001,1,tiktok,inbox/shopify_api/orders_page1.json,1")
    }

    /// A stream pulled from Shopify's API takes the rule too: the copy is left out the night it is pulled.
    @Test func aPulledStreamFollowsItsRule() throws {
        let order: [String: Any] = [
            "id": 5801000010, "name": "#2002", "created_at": "2026-10-20T09:00:30-07:00", "updated_at": "2026-10-20T09:05:00-07:00",
            "processed_at": "2026-10-20T09:00:30-07:00", "financial_status": "paid", "currency": "USD", "total_tax": "0.00",
            "tags": "TikTok, TikTok-576800000000000001", "note": NSNull(),
            "line_items": [["id": 13010, "sku": "HB-MUG-TI", "quantity": 2, "price": "20.00"]],
        ]
        let server = try MockAPIServer(scenario: ["routes": [["path": ShopifyPullTests.path,
                                                              "responses": [["json": ["orders": [order]]]]]]])
        let stream = ShopifyPullTests.streams(server.base).replacingOccurrences(of: "start: 2026-11-01", with: "start: 2026-10-01")
            + Self.rule + "\n"
        let ws = try pullWorkspace(stream)
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", config.replacingOccurrences(of: "sources: []\n", with: "sources:\n" + Self.tiktokSource))
        try ws.write(Self.tiktokFile.0, Self.tiktokFile.1)
        let report = try ws.pipeline().run()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.refresh?.sameOrders.countedOnce == 1)
        #expect(try ws.export("v_same_order").split(separator: "\r\n").last?.hasPrefix("shopify,#2002,tiktok,576800000000000001,1,tiktok,") == true)
    }

    /// An app that synced one TikTok order into two Shopify orders, with Shopify's copy counting: one of the
    /// two counts, the other and the TikTok order are left out — one sale, once.
    @Test(arguments: StoreBackend.available) func oneSaleNamedByTwoOrdersCountsOnce(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(rule: Self.rule.replacingOccurrences(of: "counts_in: tiktok", with: "counts_in: shopify"),
                                    backend: backend)
        let twice = Self.shopify.replacingOccurrences(of: "\n\n", with: "\n") + """
            #2003,paid,2026-10-20 09:00:41 -0700,,USD,0.00,0.00,2026-10-20 09:00:41 -0700,2,Titanium Mug,20.00,HB-MUG-TI,,0.00,"TikTok, TikTok-576800000000000001"

            """
        for (path, text) in [(Self.shopifyFile.0, twice), Self.tiktokFile] { try ws.write(path, text) }
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        var summary = SameOrders.Summary()
        summary.countedOnce = 1
        summary.severalCopies = 1
        summary.changed = 3
        #expect(report.refresh?.sameOrders == summary)
        let orders = try Self.octoberOrders(ws)
        #expect(orders["platform:shopify"] == "2")  // #2001 and #2002; #2003 is the second copy
        #expect(orders["platform:tiktok"] == nil)
        // Both copies' rows say the sale counted in Shopify (as #2002).
        #expect(try ws.export("v_same_order").split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").prefix(6).joined(separator: ",") }
                == ["shopify,#2002,tiktok,576800000000000001,1,shopify", "shopify,#2003,tiktok,576800000000000001,1,shopify"])
        _ = try ws.pipeline().run()  // settled again: nothing changes, nothing fails
    }

    /// A misspelt channel is loud: nothing in the store is of it, and the run says so every time.
    @Test func aChannelTheStoreHoldsNoOrderOfIsNamed() throws {
        let ws = try Self.workspace(rule: Self.rule.replacingOccurrences(of: "platform: tiktok, counts_in: tiktok",
                                                                         with: "platform: tiktk, counts_in: tiktk"), backend: .sqlite)
        for (path, text) in [Self.shopifyFile, Self.tiktokFile] { try ws.write(path, text) }
        let report = try ws.pipeline().run()
        #expect(report.refresh?.sameOrders.emptyChannels == ["tiktk"])
        #expect(report.text.contains("warning: a `same_order` rule names channel `tiktk`, of which the store holds no order"))
    }

    @Test func anOrderNamingTwoCopiesIsQuarantined() throws {
        let ws = try Self.workspace(backend: .sqlite)
        // #2002 names two TikTok orders; its second line (a lid) follows it out.
        try ws.write(Self.shopifyFile.0, Self.shopify.replacingOccurrences(
            of: "\"TikTok, TikTok-576800000000000001\"", with: "\"TikTok-576800000000000001, TikTok-576800000000000002\"")
            + "#2002,,,,,,,,1,Lid,5.00,HB-LID,,,\n")
        _ = try ws.pipeline().run()
        let quarantine = try ws.export("quarantine").split(separator: "\r\n")
        // The header, the fixture's Amazon row with `two` units, and #2002's two rows.
        #expect(quarantine.count == 4, "\(quarantine)")
        #expect(quarantine[2].contains(
            "inbox/shopify/orders.csv:4:15: Tags: names 2 tiktok orders (`576800000000000001`, `576800000000000002`) under the source's `same_order` pattern; an order has one copy in another channel"))
        #expect(quarantine[3].contains("inbox/shopify/orders.csv:5:1: Name: `#2002`, whose order row (line 4) was set aside"))
        #expect(quarantine[2].contains("inbox/shopify/orders.csv:4:15：Tags：按数据源的 `same_order` 模式指向 2 个 tiktok 订单"
                                       + "（`576800000000000001`、`576800000000000002`）；一个订单在另一渠道只有一个副本"))
        #expect(quarantine[3].contains("inbox/shopify/orders.csv:5:1：Name：`#2002`，其订单行（第 4 行）已被隔离"))
        #expect(try Self.octoberOrders(ws)["platform:shopify"] == "1")
    }

    @Test func ordersLoadedBeforeTheRuleAreNamedNotTrusted() throws {
        let ws = try Self.workspace(rule: "", backend: .sqlite)
        for (path, text) in [Self.shopifyFile, Self.tiktokFile] { try ws.write(path, text) }
        _ = try ws.pipeline().run()
        #expect(try Self.octoberOrders(ws)["platform:shopify"] == "2")
        // The rule declared after the export was read: its tags were never looked at, which the run says.
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", config.replacingOccurrences(of: "    shop: shopify-dtc\n", with: "    shop: shopify-dtc\n" + Self.rule + "\n"))
        let report = try ws.pipeline().run()
        var summary = SameOrders.Summary()
        summary.loadedBeforeRule = ["inbox/shopify/*.csv": 2]
        #expect(report.refresh?.sameOrders == summary)
        #expect(report.text.contains("warning: 2 orders from source `inbox/shopify/*.csv` were loaded before its `same_order` rule"))
    }

    @Test func aFileWithoutTheTagsColumnFailsNamingIt() throws {
        let ws = try Self.workspace(backend: .sqlite)
        // The fixture's own Shopify export has no Tags column.
        let report = try ws.pipeline().run()
        #expect(report.failures.count == 1)
        #expect(report.failures.first.map { "\($0)".contains("has no column `Tags`, which the source's `same_order` reads to find each order's copy in tiktok") } == true)
    }

    @Test(arguments: [
        ("counts_in: tiktok", "counts_in: amazon",
         "`same_order.counts_in` is `amazon`; expected shopify or tiktok, the channel whose copy counts"),
        ("field: tags", "field: vendor", "`same_order.field` is `vendor`, which `shopify.orders` does not read; it reads `note`, `tags`"),
        (#"'TikTok-(\d{18})'"#, #"'TikTok-\d{18}'"#,
         #"`same_order.pattern` `TikTok-\d{18}` is not a regular expression with one capture group (the other channel's order id)"#),
        ("platform: tiktok", "platform: shopify", "`same_order.platform` is the source's own (shopify); name the other channel"),
    ]) func theWorkspaceRefusesARuleItCannotFollow(_ before: String, _ after: String, _ message: String) throws {
        let ws = try Self.workspace(rule: Self.rule.replacingOccurrences(of: before, with: after), backend: .sqlite)
        let error = pipelineError { _ = try ws.pipeline() }
        #expect(error.map { "\($0)".contains(message) } == true, "\(String(describing: error))")
    }
}
