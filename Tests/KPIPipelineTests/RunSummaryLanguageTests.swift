import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// The run summary of the sample as each team reads it: the Chinese one holds no English sentence, the
/// English one is what it always was.
@Suite struct RunSummaryLanguageTests {
    /// English the Chinese summary may hold: the command and its arguments a reader types (kpibridge run,
    /// export --table … --format csv), and the
    /// sample's own data (Amazon's ad report headers `14 Day Total Orders (#)` and `14 Day Total Sales`,
    /// which the summary names as absent).
    static let allowedEnglish: Set<String> = ["kpibridge", "run", "export", "table", "quarantine", "format", "csv",
                                              "Day", "Total", "Orders", "Sales"]

    @Test func firstAndSecondRunsOfTheSampleInChinese() throws {
        let ws = try TemporaryWorkspace.sample()
        let first = try ws.pipeline().run()
        let zh = first.text(language: .zh)
        #expect(ReportLanguageTests.englishWords(in: zh).subtracting(Self.allowedEnglish).sorted() == [])
        // The English summary as it always read.
        #expect(first.text.contains("\nfiles: \(first.filesRead) read, 0 skipped · rows: \(first.rowsLoaded) loaded, 2 quarantined\n"))
        #expect(first.text.contains("\n  loaded   inbox/team/roster.csv [team.roster, detected] 9 rows loaded\n"))
        let lines = zh.split(separator: "\n").map(String.init)
        // The same counts as the English summary, in Chinese words.
        #expect(lines.contains("文件：读取 \(first.filesRead) 个，跳过 0 个 · 行：加载 \(first.rowsLoaded) 行，隔离 2 行"))
        #expect(lines.contains("  已加载   inbox/amazon/returns/FBA_Customer_Returns_202610.txt [amazon.fba_returns] 加载 2 行，隔离 1 行"))
        #expect(lines.contains("  已加载   inbox/team/roster.csv [team.roster，自动识别] 加载 9 行"))
        #expect(lines.contains { $0.hasPrefix("事实：fact_metric 共 \(first.factRows) 行（新增 \(first.factRows)，变更 0，删除 0，未变 0）；全部周期重新计算：此存储的首次刷新") })

        // A second run skips every file, saying why in Chinese, and recomputes nothing.
        let second = try ws.pipeline().run().text(language: .zh).split(separator: "\n").map(String.init)
        #expect(second.contains("  已跳过   inbox/team/roster.csv（已由运行 #1 作为 inbox/team/roster.csv 加载）"))
        #expect(second.contains("事实：无需重新计算（0 个订单、0 天有变化）；事实表未变"))
        #expect(ReportLanguageTests.englishWords(in: second.joined(separator: "\n")).subtracting(Self.allowedEnglish).sorted() == [])
    }
}
