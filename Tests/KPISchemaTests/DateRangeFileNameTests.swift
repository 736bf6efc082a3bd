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
}
