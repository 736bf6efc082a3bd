import KPIConnectors
import KPISchema
import Testing

@Suite struct DelimitedScannerTests {
    @Test func quotedCellsSpanLinesAndKeepPhysicalLineNumbers() throws {
        let text = "a,b,c\n1,\"two\nlines, \"\"quoted\"\"\",3\n4,5,6\n"
        for chunk in [1, 2, 7, 1 << 16] {
            let records = try scanAll(text, chunk: chunk)
            #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "two\nlines, \"quoted\"", "3"], ["4", "5", "6"]])
            #expect(records.map(\.line) == [1, 2, 4])
        }
    }

    @Test func quotingOffKeepsLiteralQuotes() throws {
        let records = try scanAll("name\tsku\n12\" x 18\" Pillow\tA1\n\"odd\tB2\n", .tsv)
        #expect(records.map(\.fields) == [["name", "sku"], ["12\" x 18\" Pillow", "A1"], ["\"odd", "B2"]])
    }

    @Test func bomCrlfLoneCrAndTrimmedCells() throws {
        let records = try scanAll("\u{FEFF}id,v\r\n583870900000000001\t, x \r2,\" kept \"\r\n")
        #expect(records.map(\.fields) == [["id", "v"], ["583870900000000001", "x"], ["2", " kept "]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try scanAll("a\n\n   \nb\n")
        #expect(records.map(\.fields) == [["a"], ["b"]])
        #expect(records.map(\.line) == [1, 4])
    }

    @Test func rawTextIsTheRecordAsWritten() throws {
        let records = try scanAll("x,\"a \"\"b\"\"\",c\n")
        #expect(records[0].raw == "x,\"a \"\"b\"\"\",c")
    }

    @Test func unterminatedQuoteIsReportedWithItsLine() throws {
        #expect(throws: DelimitedScanError.self) { try scanAll("a,b\n1,\"never closed\n2,3\n") }
        do {
            _ = try scanAll("a,b\n1,\"never closed\n2,3\n")
        } catch let error as DelimitedScanError {
            #expect(error.line == 2)
            #expect(error.column == 2)
            #expect(error.message == Bilingual("quoted cell opened here is never closed before the end of the file",
                                               "从这里开始的带引号单元格直到文件末尾都没有闭合"))
        }
    }

    @Test func lastRecordWithoutNewline() throws {
        #expect(try scanAll("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }
}

@Suite struct BlankRowTests {
    @Test func rowsOfOnlyDelimitersAreBlankButQuotedEmptiesAreData() throws {
        let tsv = try scanAll("a\tb\n\t\t\n1\t2\n", .tsv)
        #expect(tsv.map(\.fields) == [["a", "b"], ["1", "2"]])
        let csv = try scanAll("a,b\n\"\",\n", .csv)
        #expect(csv.map(\.fields) == [["a", "b"], ["", ""]])
    }
}
