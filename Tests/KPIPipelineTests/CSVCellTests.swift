import KPIPipeline
import KPIStore
import Testing

/// The CSV guard changes only what a spreadsheet would evaluate: BI tools read everything else as written.
@Suite struct CSVCellTests {
    @Test(arguments: [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
        ("@A1", "'@A1"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("-A1", "'-A1"),
        ("\tx", "'\tx"),
        ("-07:00", "-07:00"),
        ("+08:00", "+08:00"),
        ("-5.00", "-5.00"),
        ("-1,234.50", "\"-1,234.50\""),
        ("-", "-"),
        ("-1:1", "'-1:1"),
        ("+2:5", "'+2:5"),
        ("-07:00:00", "'-07:00:00"),
        ("plain", "plain"),
    ])
    func cell(text: String, expected: String) {
        #expect(CellText.csv(.text(text)) == expected)
    }

    @Test func zoneOffsetsOfTheSampleExportAsWritten() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        let orders = try ws.export("orders")
        #expect(orders.contains(",-07:00,") || orders.contains(",-07:00\r\n"))
        #expect(!orders.contains("'-07:00"))
    }
}
