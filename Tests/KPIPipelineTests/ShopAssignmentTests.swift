import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import Testing

/// A file whose rows name no shop gets its shop from its source; when no source gives one, the workspace's
/// only shop on the platform, and with several the file is refused by name rather than credited to one.
@Suite struct ShopAssignmentTests {
    /// Two Amazon orders of a shop the sample does not have, in a folder no source names.
    private static let orders = """
        amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price
        114-0000000-0000001\t2026-10-10T10:00:00+00:00\t2026-10-10T10:00:00+00:00\tShipped\tBOT-SS-750\t1\tUSD\t15.99\t0.00\t0.00
        114-0000000-0000002\t2026-10-11T10:00:00+00:00\t2026-10-11T10:00:00+00:00\tShipped\tBOT-SS-750\t2\tUSD\t31.98\t0.00\t0.00

        """

    @Test func theOnlyShopOnThePlatformIsUsed() throws {
        let ws = try TemporaryWorkspace.sample()
        try ws.write("inbox/drop/orders.txt", Self.orders)
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        let orders = try ws.export("orders")
        let shops = orders.split(whereSeparator: \.isNewline).filter { $0.contains("114-0000000-000000") }.map { $0.split(separator: ",")[2] }
        #expect(shops == ["amazon-us", "amazon-us"])
        #expect(report.files.first { $0.file == "inbox/drop/orders.txt" }?.routing
                == Bilingual("detected, shop amazon-us: the only amazon shop", "自动识别，店铺 amazon-us：唯一的 amazon 店铺"))
    }

    @Test func severalShopsOnThePlatformRefuseTheFileByName() throws {
        let ws = try TemporaryWorkspace.sample()
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "sources:\n", with: """
            sources:
              - connector: amazon.all_orders
                files: inbox/amazon-ca/*.txt
                shop: amazon-ca

            """)
        try ws.write("kpibridge.yaml", config)
        try ws.write("inbox/drop/orders.txt", Self.orders)
        let report = try ws.pipeline().run()
        #expect(report.failures == ["inbox/drop/orders.txt: its rows name no shop, no source gives it one, and the "
            + "workspace has 2 shops on amazon (amazon-ca, amazon-us); not loaded: add a source whose `files:` matches it with `shop:`"])
        #expect(!(try ws.export("orders")).contains("114-0000000-000000"))
    }
}
