import Foundation
import KPIFacts
import KPISchema
import Testing

@Suite struct DetailSpoolTests {
    private func detail(_ id: String, explanation: String, valueA: Decimal?, valueB: Decimal?,
                        reasons: [ReconcileReason]) -> ReconciliationDetail {
        ReconciliationDetail(
            grain: .week, periodStart: CivilDate(year: 2026, month: 10, day: 26)!, metric: "gmv", profileA: "cn",
            profileB: "us", recordKind: "order", recordID: id, platform: "shopify", shop: "店铺\t一", inA: valueA != nil,
            inB: valueB != nil, valueA: valueA, valueBInA: valueB, reasons: reasons, explanation: Bilingual(explanation, "说明\t" + explanation),
            sourceFile: "inbox/马帮订单导出.csv", sourceLine: 42)
    }

    /// Every field survives the file, including text that looks like the format's own marks.
    @Test func rowsReadBackAsWritten() throws {
        let rows = [
            detail("shopify:#1001", explanation: "purchased 2026-10-31 23:10 in Los Angeles,\nwhich is 1 Nov in Beijing",
                   valueA: Decimal(string: "-12.5"), valueB: nil, reasons: [.periodBoundary, .refund]),
            detail("a\\N", explanation: "\\N", valueA: nil, valueB: Decimal(string: "0.000001"), reasons: []),
            detail("tab\there\r\nand a backslash \\", explanation: "", valueA: 7, valueB: 7, reasons: [.shippedEvent]),
        ]
        let spool = try DetailSpool()
        for row in rows { spool.append(row) }
        #expect(spool.count == 3)
        for _ in 0..<2 {  // a second read starts from the first row again
            let stream = try spool.rows()
            var read: [ReconciliationDetail] = []
            while let row = try stream.next() { read.append(row) }
            #expect(read == rows)
        }
    }

    /// Enough rows to cross the 1 MiB write buffer and read chunk several times.
    @Test func manyRowsInOrder() throws {
        let spool = try DetailSpool()
        for index in 0..<20_000 {
            spool.append(detail("amazon:\(index)", explanation: String(repeating: "x", count: index % 300),
                                valueA: Decimal(index), valueB: nil, reasons: [.currency]))
        }
        let stream = try spool.rows()
        var index = 0
        while let row = try stream.next() {
            #expect(row.recordID == "amazon:\(index)" && row.explanation.en.count == index % 300 && row.valueA == Decimal(index))
            index += 1
        }
        #expect(index == 20_000)
    }

    /// Rows appended after a read go after the rows already written, and a new read sees them all.
    @Test func appendsAfterARead() throws {
        let spool = try DetailSpool()
        let rows = (0..<5).map { detail("shopify:#\($0)", explanation: "x", valueA: Decimal($0), valueB: nil, reasons: []) }
        for row in rows.prefix(3) { spool.append(row) }
        #expect(try spool.rows().next() == rows[0])
        for row in rows.suffix(2) { spool.append(row) }
        let stream = try spool.rows()
        var read: [ReconciliationDetail] = []
        while let row = try stream.next() { read.append(row) }
        #expect(read == rows)
    }
}
