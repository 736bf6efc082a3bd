import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// `period: from_name` reads a dateless report's period from its name, so a re-downloaded copy under
/// another name needs no new line in kpibridge.yaml.
@Suite struct SnapshotPeriodTests {
    @Test func theNameGivesTheSamePeriodAsTheConfig() throws {
        let stated = try TemporaryWorkspace.sample()
        _ = try stated.pipeline().run()
        let named = try TemporaryWorkspace.sample()
        let path = named.path + "/kpibridge.yaml"
        var config = try String(contentsOfFile: path, encoding: .utf8)
        config = config.replacingOccurrences(of: """
                files: inbox/amazon/traffic/BusinessReport-2026-10.csv
                shop: amazon-us
                currency: USD
                period: 2026-10
            """, with: """
                files: inbox/amazon/traffic/BusinessReport-*.csv
                shop: amazon-us
                currency: USD
                period: from_name
            """)
        #expect(config.contains("period: from_name"))
        try named.write("kpibridge.yaml", config)
        _ = try named.pipeline().run()
        #expect(try named.export("traffic") == (try stated.export("traffic")))
        #expect(try named.export("fact_metric") == (try stated.export("fact_metric")))

        // A new download whose name has no date fails asking for its period; nothing else changes.
        let original = try String(contentsOfFile: named.path + "/inbox/amazon/traffic/BusinessReport-2026-10.csv", encoding: .utf8)
        try named.write("inbox/amazon/traffic/BusinessReport-latest.csv", original + "\n")
        let report = try named.pipeline().run()
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.contains("BusinessReport-latest.csv covers with `period:`") == true)
        #expect(try named.export("fact_metric") == (try stated.export("fact_metric")))
    }

    /// `period: from_report`: a stock-take sheet whose title line states its day (`2026年10月31日`) needs no
    /// period in the config; a sheet whose lines above the header state none, or two different ones, fails
    /// naming them.
    @Test func aTitleLineGivesTheSnapshotItsDay() throws {
        let ws = try TemporaryWorkspace()
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "sources:\n", with: """
            sources:
              - connector: erp.inventory
                files: inbox/stock/*.csv
                currency: CNY
                period: from_report

            """)
        try ws.write("kpibridge.yaml", config)
        try ws.write("inbox/stock/库存盘点_最新.csv", """
            库存盘点表,,,,,,
            盘点日期：2026年10月31日,仓库：深圳一仓,,,,,
            SKU,商品名称,仓库,系统库存,在途,实盘数量,单位成本
            HB-MUG-TI,钛杯 450ml,深圳一仓,120,0,118,36.50

            """)
        let report = try ws.pipeline().run()
        #expect(report.failures.isEmpty)
        let stock = try ws.export("inventory_snapshots").split(separator: "\r\n")
        #expect(stock.count == 2 && stock[1].contains(",深圳一仓,HB-MUG-TI,2026-10-31,120,118,"), "\(stock)")

        try ws.write("inbox/stock/库存盘点_无日期.csv", "库存盘点表,,,,,,\nSKU,商品名称,仓库,系统库存,在途,实盘数量,单位成本\nHB-MUG-TI,钛杯 450ml,深圳一仓,120,0,117,36.50\n")
        try ws.write("inbox/stock/库存盘点_两个日期.csv", "库存盘点表 2026-11-30,,,,,,\n导出时间：2026-12-01 08:00,,,,,,\nSKU,商品名称,仓库,系统库存,在途,实盘数量,单位成本\nHB-MUG-TI,钛杯 450ml,深圳一仓,120,0,116,36.50\n")
        let again = try ws.pipeline().run()
        #expect(again.failures.sorted() == [
            "inbox/stock/库存盘点_两个日期.csv: lines 1 and 2 above the header state different periods (2026-11-30 and 2026-12-01); set `period:` on the source rather than let kpibridge pick one",
            "inbox/stock/库存盘点_无日期.csv: the source's `period: from_report` reads the days from the lines above the header (line 2), and line 1 states no date; set `period:` on the source (2026-10, 2026-10-31) or --period",
        ])
    }
}
