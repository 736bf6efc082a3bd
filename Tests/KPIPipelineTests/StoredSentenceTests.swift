import KPIPipeline
import KPISchema
import KPIStore
import Testing

/// A stored sentence is read in Chinese only where Chinese was written; anything else reads the English.
@Suite struct StoredSentenceTests {
    @Test func chineseOnlyWhenWrittenAndAsked() {
        let written: [String: TableValue] = ["note": .text("no data"), "note_zh": .text("无数据")]
        #expect(written.chinese("note", for: .zh) == "无数据")
        #expect(written.chinese("note", for: .en) == nil && written.chinese("note", for: nil) == nil)
        // A row from before store schema v20: empty, null or no column at all.
        #expect((["note": .text("no data"), "note_zh": .text("")] as [String: TableValue]).chinese("note", for: .zh) == nil)
        #expect((["note": .text("no data"), "note_zh": .null] as [String: TableValue]).chinese("note", for: .zh) == nil)
        #expect((["note": .text("no data")] as [String: TableValue]).chinese("note", for: .zh) == nil)
        // Through StoredRow: the English stands in for the missing Chinese.
        let row = StoredRow(.factScore, StoreTable.factScore.columns.map { $0 == "note" ? .text("no data") : .null })
        #expect(row.bilingual("note") == Bilingual("no data", "no data"))
        #expect(row.bilingual("veto") == nil)
    }
}
