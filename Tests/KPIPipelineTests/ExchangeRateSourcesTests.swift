import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// A rate file loaded from the inbox (the bank's table) converts money like the workspace's fx table —
/// before, its rows were stored and never used — and a day the two give differently stops the refresh.
@Suite struct ExchangeRateSourcesTests {
    /// The tiny workspace reading Bank of China tables from inbox/fx, with one more Amazon order on
    /// 10 October, a day its fx table does not reach (its rates: 30 Sep, then 15 Oct; 7 days' carry).
    private static func workspace(boc rows: [String], backend: StoreBackend = .sqlite) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(backend: backend)
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "sources:\n", with: "sources:\n  - connector: fx.boc_whpj\n    files: inbox/fx/*.csv\n")
        try ws.write("kpibridge.yaml", config)
        try ws.write("inbox/amazon/orders_1010.txt", """
            amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price
            112-0000010-0000010\t2026-10-10T10:00:00+00:00\t2026-10-10T10:00:00+00:00\tShipped\tP1\t1\tUSD\t30.00\t0.00\t0.00

            """)
        try ws.write("inbox/fx/外汇牌价_20261008.csv", (["货币名称,现汇买入价,现钞买入价,现汇卖出价,现钞卖出价,中行折算价,发布日期,发布时间"] + rows)
            .joined(separator: "\n") + "\n")
        return ws
    }

    @Test(arguments: StoreBackend.available) func aBankTableInTheInboxConverts(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(boc: ["美元,713.52,713.52,716.51,716.51,715.00,2026-10-08 10:30:00,10:30:00"], backend: backend)
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        // cn's 10 October (Beijing): 30.00 USD at 8 October's 7.15, carried two days = 214.50 CNY.
        var gmv: [String] = []
        for line in try ws.export("fact_metric").split(separator: "\r\n") {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "day", c[1] == "2026-10-10", c[4] == "company", c[6] == "gmv", c[7] == "cn" { gmv.append(c[10]) }
        }
        #expect(gmv == ["214.5"])
    }

    /// The ECB's history in the inbox converts a currency neither profile reports in through the euro:
    /// 17.00 GBP on 10 October at 9 October's 0.85 GBP and 7.80 CNY per EUR is 20 EUR = 156 CNY, and at
    /// 1.10 USD per EUR 22 USD.
    @Test func theECBHistoryConvertsAnyCurrencyThroughTheEuro() throws {
        let ws = try TemporaryWorkspace()
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "sources:\n", with: "sources:\n  - connector: fx.ecb_hist\n    files: inbox/fx/*.csv\n")
        try ws.write("kpibridge.yaml", config)
        let currencies = "USD,JPY,BGN,CYP,CZK,DKK,EEK,GBP,HUF,LTL,LVL,MTL,PLN,ROL,RON,SEK,SIT,SKK,CHF,ISK,NOK,HRK,RUB,TRL,TRY,AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR"
            .split(separator: ",").map(String.init)
        let quoted = ["USD": "1.1000", "GBP": "0.85000", "CNY": "7.8000"]
        try ws.write("inbox/fx/eurofxref-hist.csv", "Date,\(currencies.joined(separator: ",")),\n"
                     + "2026-10-09,\(currencies.map { quoted[$0] ?? "N/A" }.joined(separator: ",")),\n")
        try ws.write("inbox/amazon/orders_uk.txt", """
            amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price
            203-0000011-0000011\t2026-10-10T10:00:00+00:00\t2026-10-10T10:00:00+00:00\tShipped\tP1\t1\tGBP\t17.00\t0.00\t0.00

            """)
        let report = try ws.pipeline().run()
        #expect(report.problems.isEmpty)
        var gmv: [String: String] = [:]
        for line in try ws.export("fact_metric").split(separator: "\r\n") {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "day", c[1] == "2026-10-10", c[4] == "company", c[6] == "gmv" { gmv[c[7]] = c[10] }
        }
        #expect(gmv == ["cn": "156", "us": "22"])
    }

    @Test func aDayGivenTwiceDifferentlyStopsTheRefresh() throws {
        let ws = try Self.workspace(boc: ["美元,713.52,713.52,716.51,716.51,715.00,2026-10-08 10:30:00,10:30:00",
                                          "美元,719.50,719.50,722.50,722.50,721.50,2026-10-15 10:30:00,10:30:00"])
        let message = pipelineError { _ = try ws.pipeline().run() }?.message ?? ""
        #expect(message.hasPrefix("""
            1 exchange rate is given twice with different values; nothing was recomputed. Keep one of each:
              USD→CNY 2026-10-15: 7.2 (fx_rates.csv:3) and 7.215 (inbox/fx/外汇牌价_20261008.csv:3)
            """))
    }
}
