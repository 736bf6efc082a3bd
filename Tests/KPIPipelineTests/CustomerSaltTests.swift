import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// Buyers are stored as salted keys only, and a salt that is missing, short or different from the one the
/// store's keys were made with stops the run instead of counting every returning buyer as new.
@Suite struct CustomerSaltTests {
    static let salt = "sample-workspace-only-7f3a9c21e6b84d05"

    @Test(arguments: StoreBackend.available) func neitherTheBuyerNorTheSaltReachesTheStoreOrTheOutput(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        let report = try ws.pipeline().run()
        var written = report.text
        for table in ["orders", "fact_metric", "quarantine"] { written += try ws.export(table) }
        #expect(!written.contains("example.com") && !written.contains("trailfan88"))
        #expect(!written.contains(Self.salt))
        // Every Shopify and eBay order has a key under the sample salt's tag; Amazon's exports name no buyer.
        let orders = try ws.export("orders", .jsonl).split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
        let keys = orders.compactMap { $0["customer_key"] as? String }
        #expect(keys.count == orders.filter { ["shopify", "ebay"].contains($0["platform"] as? String) }.count)
        #expect(Set(keys.map { $0.prefix(9) }) == ["c7f78dc8:"])
        // A retract puts orders back as a load wrote them: a second export restating #1001 is taken out, and
        // #1001 is read again from the first, keyed under the same salt.
        let export = try String(contentsOfFile: ws.path + "/inbox/shopify/orders_export_1.csv", encoding: .utf8)
        let lines = export.split(separator: "\n", omittingEmptySubsequences: false)
        let restated = [String(lines[0])] + lines.filter { $0.hasPrefix("#1001,") }.map { $0.replacingOccurrences(of: ",paid,", with: ",refunded,") }
        try ws.write("inbox/shopify/orders_export_2.csv", restated.joined(separator: "\n") + "\n")
        _ = try ws.pipeline().run()
        _ = try ws.pipeline().retract("inbox/shopify/orders_export_2.csv")
        let after = try ws.export("orders", .jsonl).split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
        #expect(after.filter { $0["customer_key"] is String }.count == keys.count)
    }

    @Test(arguments: StoreBackend.available) func anotherSaltStopsTheNextLoad(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        try ws.write("secrets/customer_salt", "a-different-salt-0000000000000000\n")
        try ws.write("inbox/ebay/eBay-OrdersReport-Nov-30-2026.csv", "Sales Record Number,Order Number,Buyer Username,Custom Label,Quantity,Sold For,Sale Date\n1043,12-11876-00001,trailfan88,HB-TENT-2P,1,$149.00,Nov-02-26\n")
        let error = pipelineError { _ = try ws.pipeline().run() }
        #expect(error?.message.hasPrefix("kpibridge.yaml: customers.salt is not the salt the store's buyer keys were made with (their tag c7f78dc8, this salt's ") == true)
        #expect(error?.message.contains("a new salt needs a new store") == true)
        #expect(error?.message.contains("a-different-salt") == false)
        #expect(try !ws.export("orders").contains("12-11876-00001"))
    }

    /// The sample's salt is public: validate warns about it (and passes), and not about a salt of one's own.
    @Test func theSamplesPublishedSaltIsAWarning() throws {
        let ws = try TemporaryWorkspace.sample()
        let warning = "kpibridge.yaml: customers.salt is the sample workspace's published salt (tag c7f78dc8); anyone holding a "
            + "buyer's e-mail can rebuild their key with it. Fine for the sample; for your own data make one "
            + "(`openssl rand -hex 32`) before the first load, since a store keeps the salt it began with"
        #expect(ValidateJob(pipeline: try ws.pipeline()).warnings.contains(warning))
        #expect(ValidateJob(pipeline: try ws.pipeline()).warnings(.zh).contains {
            $0.hasPrefix("kpibridge.yaml：customers.salt 是示例工作区公开的盐值（标签 c7f78dc8）")
        })
        try ws.write("secrets/customer_salt", "a-salt-of-our-own-5d1e0c7b9a\n")
        #expect(!ValidateJob(pipeline: try ws.pipeline()).warnings.contains { $0.contains("customers.salt") })
    }

    @Test func aSaltThatCannotBeFoundOrIsShortIsRefused() throws {
        let ws = try TemporaryWorkspace.sample()
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", config.replacingOccurrences(of: "salt: file:secrets/customer_salt", with: "salt: env:KPIBRIDGE_TEST_NO_SUCH_SALT"))
        #expect(pipelineError { _ = try ws.pipeline().run() }?.message == "kpibridge.yaml: customers.salt: environment variable KPIBRIDGE_TEST_NO_SUCH_SALT is not set")
        // `validate` finds it before a run does.
        #expect(try ws.pipeline().validate().map(\.en).contains("kpibridge.yaml: customers.salt: environment variable KPIBRIDGE_TEST_NO_SUCH_SALT is not set"))
        try ws.write("kpibridge.yaml", config)
        try ws.write("secrets/customer_salt", "short\n")
        #expect(pipelineError { _ = try ws.pipeline().run() }?.message.hasPrefix("kpibridge.yaml: customers.salt: the salt is shorter than 16 characters") == true)
        try ws.write("kpibridge.yaml", config.replacingOccurrences(of: "salt: file:secrets/customer_salt", with: "salt: file:../outside"))
        #expect(pipelineError { _ = try ws.pipeline().run() } != nil)
    }
}
