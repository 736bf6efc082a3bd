import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import Testing

/// The sample's report read as a manager reads it: the Chinese page holds no English words but names,
/// codes and units, and the English page no Chinese but what the sample's own data writes in Chinese.
@Suite struct ReportLanguageTests {
    /// English words the Chinese page may hold, each for a reason: people and team names from the roster
    /// (Lily Zhang, Kevin Wu, US Support), units and abbreviations (CNY, USD, ERP, KPI, ACoS, ROAS, TACoS),
    /// policy codes written in scorecards.yaml (reweight), the sample's data (ticket tags
    /// `complaint`/`defect`), and commands a reader types (kpibridge export
    /// --table quarantine --format csv, kpibridge reconcile --records, the run's command `run`).
    static let allowedEnglish: Set<String> = [
        "Lily", "Zhang", "Kevin", "Support", "CNY", "USD", "ERP", "KPI", "ACoS", "ROAS", "TACoS", "reweight",
        "complaint", "defect", "kpibridge", "export", "table", "quarantine", "format", "csv", "run", "reconcile",
    ]

    @Test func chineseReportHasNoEnglishSentences() throws {
        let (zh, _) = try Self.reports()
        let (text, marked) = Self.visibleText(zh)
        #expect(Self.englishWords(in: text).subtracting(Self.allowedEnglish).sorted() == [])
        // The quarantine reasons are stored in Chinese too: nothing is left marked as English.
        #expect(marked == [])
        #expect(zh.contains("item-price：`19.9O` 不是数字；应为数字，如 1,234.56、$12.00 或 12%"))
        #expect(zh.contains("quantity：`one` 不是整数；应为整数，如 3 或 1,200"))
    }

    @Test func englishReportHasChineseOnlyInTheSamplesData() throws {
        let (_, en) = try Self.reports()
        let (text, marked) = Self.visibleText(en)
        #expect(marked.isEmpty)
        let data = try Self.chineseInSampleData()
        let foreign = Set(Self.chineseRuns(text)).subtracting(data).sorted()
        #expect(foreign == [])
    }

    /// English words of three letters or more in `text`; paths, ids, stamps, money and `code=value` pairs
    /// are codes, whatever letters they hold.
    static func englishWords(in text: String) -> Set<String> {
        var words: Set<String> = []
        for token in text.split(whereSeparator: \.isWhitespace) {
            if token.contains(where: { "/:._|@#`-=0123456789".contains($0) }) { continue }
            var word = ""
            for character in token + " " {
                if character.isASCII && character.isLetter { word.append(character); continue }
                if word.count >= 3 { words.insert(word) }
                word = ""
            }
        }
        return words
    }

    /// Both reports of October, from one run of the sample.
    static func reports() throws -> (zh: String, en: String) {
        let ws = try TemporaryWorkspace.sample()
        let pipeline = try ReportTests.load(ws)
        defer { withExtendedLifetime(ws) {} }
        let october = try #require(Period(naming: "2026-10", grain: nil))
        return (try pipeline.report(period: october, language: .zh), try pipeline.report(period: october, language: .en))
    }

    /// The text a reader sees (no styles, no `<code>`, entities decoded), and apart from it the text of
    /// elements marked `lang="en"`.
    static func visibleText(_ html: String) -> (text: String, markedEnglish: [String]) {
        var page = html.replacing(/<style>[\s\S]*?<\/style>/, with: "").replacing(/<code>[\s\S]*?<\/code>/, with: " ")
        let marked = page.matches(of: /<td lang="en">([^<]*)<\/td>/).map { String($0.output.1) }
        page = page.replacing(/<td lang="en">[^<]*<\/td>/, with: " ")
        let text = page.replacing(/<[^>]+>/, with: " ")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return (text, marked)
    }

    /// Runs of CJK characters.
    static func chineseRuns(_ text: String) -> [String] {
        var runs: [String] = [], run = ""
        for scalar in (text + " ").unicodeScalars {
            if (0x4E00...0x9FFF).contains(scalar.value) { run.unicodeScalars.append(scalar); continue }
            if !run.isEmpty { runs.append(run) }
            run = ""
        }
        return runs
    }

    /// Chinese the sample's own data writes: names, teams, roles and rating criteria in its team sheets,
    /// Chinese file names in its inbox, and the cn profile's complaint tag 投诉.
    static func chineseInSampleData() throws -> Set<String> {
        let inbox = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/workspace/inbox")
        var runs: Set<String> = ["投诉"]
        let files = FileManager.default.enumerator(at: inbox, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        for file in files {
            runs.formUnion(chineseRuns(file.lastPathComponent))
            if file.path.contains("/team/"), file.pathExtension == "csv" {
                runs.formUnion(chineseRuns(try String(contentsOf: file, encoding: .utf8)))
            }
        }
        return runs
    }
}
