import Foundation
import KPISchema
import Testing

/// `period: from_name`: the days a report covers, read from its name, or nil rather than a guess.
@Suite struct DateRangeFileNameTests {
    @Test(arguments: [
        ("inbox/amazon/traffic/BusinessReport-2026-10.csv", "2026-10-01..2026-10-31"),
        ("FBA_Manage_Inventory_20261031.txt", "2026-10-31..2026-10-31"),
        ("All_Orders_20261001-20261031.txt", "2026-10-01..2026-10-31"),
        ("BusinessReport_202611 (1).csv", "2026-11-01..2026-11-30"),
        ("inventory 2026.10.05.xlsx", "2026-10-05..2026-10-05"),
    ])
    func datesInTheName(name: String, days: String) {
        #expect(DateRange(fileName: name).map { "\($0.start)..\($0.end)" } == days)
    }

    @Test(arguments: ["BusinessReport.csv", "Settlement_13370000001.txt", "report_20261301.csv",
                      "a_20261001_20261015_20261031.csv", "mixed_202610_20261005.csv"])
    func noOrSeveralDatesAreNil(name: String) {
        #expect(DateRange(fileName: name) == nil)
    }

    /// Title lines above a report's header, as Chinese ERPs and Western tools write them.
    @Test(arguments: [
        ("盘点日期：2026年10月31日 仓库：深圳一仓", "2026-10-31..2026-10-31"),
        ("统计时间：2026/10/1 至 2026/10/31", "2026-10-01..2026-10-31"),
        ("Date range: 2026-10-01 - 2026-10-07", "2026-10-01..2026-10-07"),
        ("Report for 2026-11", "2026-11-01..2026-11-30"),
        ("库存报表 20261130", "2026-11-30..2026-11-30"),
    ])
    func datesStatedInALine(text: String, days: String) {
        #expect(DateRange(statedIn: text).map { "\($0.start)..\($0.end)" } == days)
    }

    @Test(arguments: ["库存盘点表", "共 2026 条", "2026/13/01", "2026-10-01 2026-10-15 2026-10-31", "单号 20261031123"])
    func linesWithoutOnePeriodAreNil(text: String) {
        #expect(DateRange(statedIn: text) == nil)
    }
}
