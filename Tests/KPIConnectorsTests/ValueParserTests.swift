import Foundation
import KPIConnectors
import KPISchema
import Testing

@Suite struct ValueParserTests {
    @Test(arguments: [
        ("12,131", "12131"), ("$12,905.25", "12905.25"), ("£94.50", "94.5"), ("12.02%", "0.1202"),
        ("(3.00)", "-3"), ("-5", "-5"), ("￥88", "88"), ("US$1,433.66", "1433.66"), (" 7 ", "7"), ("$-12.00", "-12"),
        ("1,234,567.5", "1234567.5"), ("1 234.50", "1234.5"), ("¥1,299.00", "1299"), ("12 %", "0.12"),
    ])
    func decimals(text: String, expected: String) throws {
        #expect(try DecimalCell().parse(text) == Decimal(string: expected)!)
    }

    @Test func emptyAndPlaceholderCellsAreNoValue() throws {
        #expect(try DecimalCell().parse("") == nil)
        #expect(try DecimalCell().parse("--") == nil)
    }

    /// `12,50` and `1,2345` are not grouped thousands: a file writing decimal commas read by a spec
    /// that does not declare them used to load 12,50 as 1250.
    @Test(arguments: ["1e309", "--5", "12.3.4", "19.9O", "1,2,3.4.5", "NaN", "12,50", "1,2345", ",123", "1,234,56", "12 5"])
    func rejectedDecimals(text: String) {
        #expect(throws: CellParseError.self) { try DecimalCell().parse(text) }
    }

    /// Plain cells take a shortcut past trimming and mark-stripping; the shortcut must not change what
    /// the other forms read as.
    @Test func plainCellsAndTheOtherForms() throws {
        #expect(try DecimalCell().parse("12.50") == Decimal(string: "12.5"))
        #expect(try DecimalCell().parse("-0.25") == Decimal(string: "-0.25"))
        #expect(try DecimalCell().parse("$1,234.50") == Decimal(string: "1234.5"))
        #expect(try DecimalCell().parse(" 7 ") == Decimal(7))
        #expect(try DecimalCell().parse("-") == nil)
        #expect(try DecimalCell(decimalComma: true).parse("1.234") == Decimal(string: "1234"))
    }

    @Test func decimalComma() throws {
        #expect(try DecimalCell(decimalComma: true).parse("1.234,56") == Decimal(string: "1234.56")!)
    }

    @Test func integers() throws {
        #expect(try IntegerCell().parse("1,200") == 1200)
        #expect(throws: CellParseError.self) { try IntegerCell().parse("2.5") }
    }

    private func cell(_ patterns: [String], zone: String = "Asia/Shanghai") throws -> DateTimeCell {
        DateTimeCell(patterns: try patterns.map { try DateTimePattern($0) }, zone: Zone(zone)!)
    }

    @Test func offsetTimesKeepTheirOffset() throws {
        let t = try cell(["yyyy-MM-dd'T'HH:mm:ssXXX"]).parse("2020-02-18T05:05:21+00:00")!
        #expect(t.instant.iso8601 == "2020-02-18T05:05:21Z")
        #expect(t.zone == "UTC")
        let s = try cell(["yyyy-MM-dd HH:mm:ss XX"]).parse("2025-12-05 09:15:12 +0800")!
        #expect(s.instant.iso8601 == "2025-12-05T01:15:12Z")
        #expect(s.zone == "+08:00")
    }

    @Test func localTimesUseTheZone() throws {
        let t = try cell(["yyyy/M/d H:mm"]).parse("2026/10/31 20:05")!
        #expect(t.instant.iso8601 == "2026-10-31T12:05:00Z")
        #expect(t.zone == "Asia/Shanghai")
        // US TikTok style, 12-hour clock, in Los Angeles daylight time.
        let us = try cell(["MM/dd/yyyy hh:mm:ss a"], zone: "America/Los_Angeles").parse("03/01/2026 10:00:00 PM")!
        #expect(us.instant.iso8601 == "2026-03-02T06:00:00Z")
        let ebay = try cell(["MMM-dd-yy"], zone: "America/Los_Angeles").parse("Jul-21-25")!
        #expect(ebay.instant.iso8601 == "2025-07-21T07:00:00Z")
    }

    @Test(arguments: ["0000-00-00 00:00:00", "2026-02-29 10:00:00", "2026-10-01 24:00:00", "2026-10-01 10:61:00",
                      "2026-10-01", "2026-10-01 10:00:00 junk"])
    func impossibleTimesAreErrors(text: String) throws {
        let parser = try cell(["yyyy-MM-dd HH:mm:ss"])
        #expect(throws: CellParseError.self) { try parser.parse(text) }
    }

    /// A WMS that started writing seconds (`2026/11/01 11:32:00` for `yyyy/M/d H:mm`) used to have every row
    /// quarantined. What cannot change a cell's meaning is tolerated: seconds after minutes, the separators
    /// of a year-first date, `T` or a space before the time.
    @Test(arguments: ["2026/11/01 11:32:00", "2026/11/1 11:32", "2026-11-01 11:32:00.250", "2026.11.01T11:32:00", "2026/11/01 11:32"])
    func driftedLayoutsOfOneMomentReadTheSame(text: String) throws {
        let t = try cell(["yyyy/M/d H:mm"]).parse(text)!
        #expect(t.instant.iso8601 == "2026-11-01T03:32:00Z")
    }

    /// Chinese and US spreadsheets write the same moment as 年月日, with 上午/下午 or AM/PM on a 24-hour
    /// layout, or as Excel's day number: each reads as 2026-11-01 15:32 in Shanghai (07:32 UTC).
    @Test(arguments: ["2026年11月1日 15:32", "2026年11月01日 15:32:00", "2026/11/1 下午 3:32:00", "2026-11-01 03:32 PM",
                      "2026/11/01 3:32:00PM", "46327.647222222222"])
    func otherToolsFormsOfOneMomentReadTheSame(text: String) throws {
        let t = try cell(["yyyy/M/d H:mm"]).parse(text)!
        #expect(t.instant.iso8601 == "2026-11-01T07:32:00Z")
    }

    /// What the forms cannot make unambiguous stays an error: a marked hour past 12, a day number where
    /// only offsets are read (no zone was declared), a four- or six-digit number, a month-first 年 form.
    @Test func otherToolsFormsThatStayErrors() throws {
        let local = try cell(["yyyy/M/d H:mm"])
        for text in ["2026/11/1 下午 15:32", "2026-11-01 13:32 PM", "4632", "463270", "11月1日 15:32"] {
            #expect(throws: CellParseError.self) { try local.parse(text) }
        }
        #expect(throws: CellParseError.self) { try cell(["yyyy-MM-dd'T'HH:mm:ssXXX"]).parse("46327.5") }
        #expect(try cell(["yyyy-MM-dd"]).parseDate("2026年11月1日") == CivilDate(year: 2026, month: 11, day: 1))
    }

    @Test func localeNumbersPerSpec() throws {
        #expect(try DecimalCell(decimalComma: true).parse("1.299,00 €") == Decimal(string: "1299")!)
        #expect(try DecimalCell().parse("¥1,299.00") == Decimal(string: "1299")!)
        #expect(try DecimalCell().parse("US$12.50") == Decimal(string: "12.5")!)
    }

    /// Day and month are never swapped by tolerance: a month-first layout does not take `.` or `-` for `/`,
    /// and what does not fit is an error, not a guess.
    @Test(arguments: ["03.04.2026 10:00", "03-04-2026 10:00", "2026/11/01 11:32:61", "2026/11/01 11:32:0"])
    func toleranceNeverGuesses(text: String) throws {
        let parser = text.hasPrefix("2026") ? try cell(["yyyy/M/d H:mm"]) : try cell(["MM/dd/yyyy HH:mm"])
        #expect(throws: CellParseError.self) { try parser.parse(text) }
    }
}
