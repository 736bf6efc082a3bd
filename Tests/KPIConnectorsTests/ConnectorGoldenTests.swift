import Foundation
import KPIConnectors
import KPISchema
import Testing

/// Each shipped connector read over a small fixture must produce exactly the golden records.
@Suite struct ConnectorGoldenTests {
    private func golden(_ name: String) throws -> String {
        try String(contentsOfFile: fixture(name), encoding: .utf8)
    }

    @Test func amazonAllOrders() throws {
        let (sink, stats) = try read("amazon.all_orders", "amazon_all_orders.txt", shop: "amazon-us")
        #expect(render(sink.records) == (try golden("amazon_all_orders.golden")))
        #expect(stats.rowsRead == 5)
        #expect(stats.rowsQuarantined == 1)
        #expect(stats.rowsLoaded == 4)
        #expect(sink.quarantined.map(\.reason) == [
            "amazon_all_orders.txt:6:3: purchase-date: `2026-02-30T10:00:00+00:00` is not a real calendar date; expected a time like `yyyy-MM-dd'T'HH:mm:ssXXX` or `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`",
        ])
        #expect(sink.quarantined.first?.raw.hasPrefix("111-0000004-0000004\t\t2026-02-30") == true)
    }

    /// Bank of China's table: 中行折算价 per 100 units becomes a rate per unit, against CNY; a second
    /// publication of the day repeats the rate; a currency the spec does not map (坚戈) yields nothing; a row without a
    /// conversion rate is set aside, not given one.
    @Test func bankOfChinaQuotations() throws {
        let (sink, stats) = try read("fx.boc_whpj", "boc_whpj.csv")
        #expect(render(sink.records) == """
            fx_rate date=2026-11-02 from_currency=USD to_currency=CNY rate=7.1126 line=2
            fx_rate date=2026-11-02 from_currency=USD to_currency=CNY rate=7.1126 line=3
            fx_rate date=2026-11-02 from_currency=EUR to_currency=CNY rate=7.781 line=4
            fx_rate date=2026-11-02 from_currency=JPY to_currency=CNY rate=0.04641 line=6

            """)
        #expect(sink.quarantined.map(\.reason) == ["boc_whpj.csv:7:6: 中行折算价: empty, but `rate` is required"])
        #expect(stats.rowsRead == 6)
    }

    @Test func shopifyOrders() throws {
        let (sink, stats) = try read("shopify.orders", "shopify_orders.csv", shop: "shopify-dtc")
        #expect(render(sink.records) == (try golden("shopify_orders.golden")))
        #expect(stats.rowsRead == 3)
        #expect(stats.rowsQuarantined == 0)
    }

    @Test func mabangOrdersInGB18030() throws {
        let (sink, stats) = try read("mabang.orders", "mabang_orders_gb18030.csv")
        #expect(render(sink.records) == (try golden("mabang_orders.golden")))
        #expect(stats.rowsSkipped == 1)  // the 合计 total row
        #expect(stats.rowsQuarantined == 1)
        #expect(sink.quarantined.map(\.reason) == [
            "mabang_orders_gb18030.csv:5:7: 交运时间: `2026-10-03 25:00:00` is not a real time of day; expected a time like `yyyy-MM-dd HH:mm:ss` or `yyyy/MM/dd HH:mm:ss` or `yyyy/M/d H:mm` or `yyyy-MM-dd HH:mm` in Asia/Shanghai",
        ])
    }

    @Test func fileFingerprintDetectsEncoding() throws {
        #expect(try FileFingerprint.compute(path: fixture("mabang_orders_gb18030.csv")).isUTF8 == false)
        #expect(try FileFingerprint.compute(path: fixture("shopify_orders.csv")).isUTF8 == true)
    }

    @Test func sha256OfKnownBytes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-abc-\(UUID()).txt").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // FIPS 180-2 test vector.
        #expect(try FileFingerprint.compute(path: path).sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
