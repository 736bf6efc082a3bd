import Foundation
import KPIPipeline
import KPISchema
import KPIStore
import KPIStoreTesting
import KPIWorkspace
import Testing

/// A targets sheet (CSV or XLSX) named in kpibridge.yaml, over the scorecards of the tiny workspace.
@Suite struct TargetSheetWorkspaceTests {
    static let sheet = """
        工号 Employee ID,姓名 Name,店铺 Shop,团队 Team,指标 Metric,期间 Period,生效日期 From,目标值 Target,备注 Note
        E1,王芳,,,aov,2026-10,,230,raised for Double 11
        ,,amazon-us,,refund_rate,,2026-10-01,25%,

        """

    /// The tiny roster's intern, whose role no card covers.
    static let unscored = "inbox/team/roster.csv:3: employee E9 (小李) has role `实习生`, which no scorecard covers; map it under `roles:` in scorecards.yaml"

    static func workspace(_ backend: StoreBackend, sheet name: String = "targets.csv") throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        try ws.write("inbox/team/ratings_202610.csv", ScoringWorkspaceTests.ratings)
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", config + "targets: \(name)\n")
        return ws
    }

    /// E1's October (ScoringWorkspaceTests): aov 246.55, refund rate 0.25, attitude 9/10.
    ///  aov: E1's own row, 230 for 2026-10 → 246.55 / 230 = 1.0720 → 60 × 1.072 = 64.32.
    ///  refund_rate: shop amazon-us's 25 % from 10-01 (E1 runs it and shopify-dtc, which has none)
    ///               → 0.25 / 0.25 = 1 → 30.
    ///  attitude 9. Total 103.32 → A. Without the sheet it was 92.17 (B).
    @Test(arguments: StoreBackend.available) func sheetRowsWinOverTheYAMLTargets(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(backend)
        try ws.write("targets.csv", Self.sheet)
        #expect(try ws.pipeline().validate().map(\.en) == [Self.unscored])
        let report = try ws.pipeline().run()
        #expect(report.exitCode == 0)
        let scores = try ws.export("fact_score")
        #expect(scores.contains(",E1,王芳,平台运营,ops,aov,cn,cn/v1 timezone=Asia/Shanghai sales=gross tax=excluded shipping=excluded "
                                + "currency=CNY,230,230 set for 2026-10 for employee E1 (targets.csv:2),230：员工 E1 2026-10 的目标（targets.csv:2）,"
                                + "246.55,4,1.072,,60,60,64.32,103.32,A,,,,,,,,1"))
        #expect(scores.contains(",E1,王芳,平台运营,ops,refund_rate,cn,cn/v1 timezone=Asia/Shanghai,0.25,"
                                + "\"0.25 from 2026-10-01 (shop amazon-us, targets.csv:3), in force all period\","
                                + "0.25（2026-10-01 起）（店铺 amazon-us，targets.csv:3），全期生效,0.25,4,1,,30,30,30,103.32,A,,,,,,,,1"))
        #expect(scores.contains("month,2026-10-01,2026-10-31,employee,E1,王芳,平台运营,ops,total,,,,,,,,,,100,100,103.32,103.32,A,,,,,"))
    }

    /// The same sheet saved from Excel: the period typed as text, the from-date a date cell, the
    /// percentage a number, read to the same scores; a period Excel turned into a date reads as its month.
    @Test func anXLSXSheetReadsLikeTheCSV() throws {
        let ws = try Self.workspace(.sqlite, sheet: "targets.xlsx")
        let header = ["工号", "姓名", "店铺", "团队", "指标", "期间", "生效日期", "目标值"]
        try WorkbookWriter().write([.init(name: "targets", header: header, rows: [
            [.text("E1"), .text("王芳"), .null, .null, .text("aov"), .text("2026-10"), .null, .integer(230)],
            [.null, .null, .text("amazon-us"), .null, .text("refund_rate"), .null, .text("2026-10-01"), .real(0.25)],
            // `2026-10` typed into Excel becomes a date cell on the 1st: read as the month.
            [.text("E1"), .null, .null, .null, .text("refund_rate"), .text("2026-10-01"), .null, .real(0.25)],
        ])], to: ws.path + "/targets.xlsx")
        _ = try ws.pipeline().run()
        let scores = try ws.export("fact_score")
        #expect(scores.contains("230 set for 2026-10 for employee E1 (targets.xlsx:2)"))
        #expect(scores.contains("0.25 from 2026-10-01 (shop amazon-us, targets.xlsx:3)"))   // November
        #expect(scores.contains("0.25 set for 2026-10 for employee E1 (targets.xlsx:4)"))   // October: the person's own row
        #expect(scores.contains("month,2026-10-01,2026-10-31,employee,E1,王芳,平台运营,ops,total,,,,,,,,,,100,100,103.32,103.32,A,,,,,"))
    }

    /// A sheet saved by Excel on a Chinese Windows (GB18030, CRLF) reads like a UTF-8 one.
    @Test func aGB18030SheetIsRead() throws {
        let ws = try Self.workspace(.sqlite)
        // 工号,指标,期间,目标值 / E1,aov,2026-10,230 in GB18030.
        let bytes: [UInt8] = [0xB9, 0xA4, 0xBA, 0xC5, 0x2C, 0xD6, 0xB8, 0xB1, 0xEA, 0x2C, 0xC6, 0xDA, 0xBC, 0xE4, 0x2C, 0xC4, 0xBF,
                              0xB1, 0xEA, 0xD6, 0xB5, 0x0D, 0x0A, 0x45, 0x31, 0x2C, 0x61, 0x6F, 0x76, 0x2C, 0x32, 0x30, 0x32, 0x36,
                              0x2D, 0x31, 0x30, 0x2C, 0x32, 0x33, 0x30, 0x0D, 0x0A]
        try Data(bytes).write(to: ws.root.appendingPathComponent("targets.csv"))
        _ = try ws.pipeline().run()
        #expect(try ws.export("fact_score").contains(",230,230 set for 2026-10 for employee E1 (targets.csv:2),230：员工 E1 2026-10 的目标（targets.csv:2）,246.55,"))
    }

    /// A row the roster cannot place holds the scores back: the run exits 1 naming it, fact_score
    /// stays as the last run left it, and `validate` lists the row too.
    @Test(arguments: StoreBackend.available) func aRowNoOneMatchesHoldsTheScores(_ backend: StoreBackend) throws {
        let ws = try Self.workspace(backend)
        try ws.write("targets.csv", Self.sheet)
        _ = try ws.pipeline().run()
        let before = try ws.export("fact_score")
        try ws.write("targets.csv", Self.sheet + "E7,,,,aov,2026-10,,240,\n")
        let problem = "targets.csv:4: employee E7 is not on the roster; correct the id (工号) or add the person to the roster"
        #expect(try ws.pipeline().validate().map(\.en) == [Self.unscored, problem])
        let report = try ws.pipeline().run()
        #expect(report.exitCode == 1)
        #expect(report.text.contains("SCORES HELD: the targets sheet names what the roster cannot place:\n  \(problem)\n"))
        #expect(try ws.export("fact_score") == before)
        #expect(try RunHistory.load(ws.pipeline(), limit: 1).runs.first.map { [$0.status, String($0.exitCode ?? -1)] } == ["scores held", "1"])
        // explain says the card it shows is an earlier run's.
        let period = try #require(Period(naming: "2026-10", grain: nil))
        let explained = try ScoreReport.load(period: period, store: try ws.pipeline().store).explain("E1")
        #expect(explained.split(separator: "\n").dropFirst().first?.hasPrefix("NOTE: run #2 (") == true)
        #expect(explained.contains(") held the scores back (\(problem)); these cards are as an earlier run left them"))
        let error = pipelineError { _ = try ws.pipeline().score() }
        #expect(error?.message == problem + "\nnothing was scored; fact_score stays as it was")
        #expect(try RunHistory.load(ws.pipeline(), limit: 1).runs.first.map { [$0.command, $0.status] } == ["score", "scores held"])
    }

    /// Each row's mistake is named with its line and column, all at once; the run loads nothing.
    @Test func everyRowsMistakeIsNamed() throws {
        let ws = try Self.workspace(.sqlite)
        try ws.write("targets.csv", """
            工号,店铺,团队,指标,期间,生效日期,目标值
            E1,amazon-us,,aov,2026-10,,230
            ,,,aov,2026-10,,230
            E1,,,aovv,2026-10,,230
            E1,,,aov,2026-Q4,,230
            E1,,,aov,Oct 2026,,230
            E1,,,aov,,16/10/2026,230
            E1,,,aov,2026-11,2026-11-01,230
            E1,,,aov,2026-12,,
            E1,,,aov,2026-12,,abc
            E1,,,aov,2026-12,,0
            E1,,,aov,2026-10,,230
            E1,,,aov,2026-10,,240
            E1,,,aov,2026-12,,$250
            E1,,,aov,2026-12,,25%
            E1,,,refund_rate,2026-12,,25
            E1,,,aov,,26/10/16,230

            """)
        #expect(try ws.pipeline().validate().map(\.en) == [
            "targets.csv:2:1: give exactly one of 工号 / Employee ID, 店铺 / Shop or 团队 / Team (found 工号 / Employee ID and 店铺 / Shop)",
            "targets.csv:3:1: give exactly one of 工号 / Employee ID, 店铺 / Shop or 团队 / Team (found none)",
            "targets.csv:4:4: `aovv` is no scorecard's line (did you mean `aov`?)",
            "targets.csv:5:5: 2026-Q4 is a quarter, but scorecards are scored by month; this target would never be used",
            "targets.csv:6:5: `Oct 2026` is not a month like 2026-10 or a quarter like 2026-Q4",
            "targets.csv:7:6: `16/10/2026` is not a date like 2026-10-16",
            "targets.csv:8:6: give exactly one of 期间 / Period or 生效日期 / From",
            "targets.csv:9:7: the target is empty",
            "targets.csv:10:7: `abc` is not a plain number; write it without a currency or unit (the line's currency is its profile's)",
            "targets.csv:11:7: a target must be above 0 (achievement divides by it)",
            "targets.csv:14:7: `$250` is not a plain number; write it without a currency or unit (the line's currency is its profile's)",
            "targets.csv:15:7: `25%` is a percentage, but `aov` is not a rate",
            "targets.csv:16:7: `25` for the rate `refund_rate` would be 2500 %; write 25% or 0.25",
            "targets.csv:17:6: `26/10/16` is not a date like 2026-10-16",
            "targets.csv:13: sets employee E1's `aov` for the same period 2026-10 as targets.csv:12; keep one",
            Self.unscored,
        ])
        let error = pipelineError { _ = try ws.pipeline().run() }
        #expect(error?.message.contains("(15 problems in scorecards.yaml and targets.csv; nothing was loaded;") == true)
    }

    /// A name beside a shop, a value under no header, and a line scored under two profiles without the
    /// row saying which are each refused; with 口径 / Profile the row sets only that profile's line.
    @Test func rowsThatCouldMeanTwoThingsAreRefused() throws {
        let ws = try Self.workspace(.sqlite)
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards + "\n  us_ops:\n    lines:\n      - {metric: aov, profile: us, weight: 100, target: 30}\n")
        try ws.write("targets.csv", """
            工号,姓名,店铺,指标,口径,期间,目标值,
            ,王芳,amazon-us,refund_rate,,2026-10,20%,
            E1,,,refund_rate,,2026-10,20%,kept
            E1,,,aov,,2026-10,230,
            E1,,,aov,jp,2026-10,230,
            E1,,,aov,cn,2026-10,230,

            """)
        #expect(try ws.pipeline().validate().map(\.en) == [
            "targets.csv:2:2: a name belongs beside an employee id; a shop row sets the target of everyone who runs the shop (write the person's id to set theirs)",
            "targets.csv:3:8: `kept` is under a column without a header; name the column or clear it",
            "targets.csv:4:4: `aov` is scored under cn and us, in different units or currencies; say which in 口径 / Profile",
            "targets.csv:5:5: no scorecard scores `aov` under `jp` (it is scored under cn, us)",
            Self.unscored,
        ])
        #expect(try ws.pipeline().workspace.scoring?.policy.targetSheet?.rows.map(\.profile) == ["cn"])
    }

    /// Targets in the line's own unit: a growth rate, like any rate, takes `%` above 1; a value past the
    /// header's last column has no column and is refused.
    @Test func valuesMeanWhatTheySay() throws {
        func message(_ text: String, _ line: String) -> String? {
            if case .failure(let problem) = TargetSheetFile.value(text, line: line) { return problem.message }
            return nil
        }
        #expect(message("25", "gmv_growth") == "`25` for the rate `gmv_growth` would be 2500 %; write 25% or 0.25")
        #expect(message("150%", "gmv_growth") == nil && message("0.25", "refund_rate") == nil && message("500,000", "gmv") == nil)
        #expect(message("¥500", "gmv") == "`¥500` is not a plain number; write it without a currency or unit (the line's currency is its profile's)")
        let ws = try Self.workspace(.sqlite)
        try ws.write("targets.csv", "工号,指标,期间,目标值\nE1,aov,2026-10,230,extra\n")
        #expect(try ws.pipeline().validate().first?.en == "targets.csv:2:5: `extra` is under a column without a header; name the column or clear it")
    }

    /// A header kpibridge does not read is refused at once, naming the column.
    @Test func anUnknownColumnIsRefused() throws {
        let ws = try Self.workspace(.sqlite)
        try ws.write("targets.csv", "工号,指标,期间,目标值,区域\nE1,aov,2026-10,230,华东\n")
        let error = pipelineError { _ = try ws.pipeline().validate() }
        #expect(error?.message == "targets.csv:1:5: column `区域` is not a targets column; the columns are 工号 / Employee ID, 姓名 / Name, "
                + "店铺 / Shop, 团队 / Team, 指标 / Metric, 口径 / Profile, 期间 / Period, 生效日期 / From, 目标值 / Target, 备注 / Note")
    }
}
