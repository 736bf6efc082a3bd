import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// Scorecards over the tiny workspace: a run scores from the same facts RunTests checks by hand,
/// `explain` shows each point's source, and `validate` names every problem's file and key.
@Suite struct ScoringWorkspaceTests {
    static let roster = """
        工号,姓名,团队,岗位,班次,入职日期,时区,负责店铺,负责SKU,工单组
        E1,王芳,一组,平台运营,白班,2024-03-01,Asia/Shanghai,amazon-us;shopify-dtc,,
        E9,小李,一组,实习生,白班,2026-10-08,Asia/Shanghai,,,

        """
    static let ratings = """
        工号,月份,考核项,得分,满分,评分人,备注
        E1,2026-10,工作态度,9,10,李经理,

        """
    static let scorecards = """
        roles: {平台运营: ops}
        scorecards:
          ops:
            lines:
              - {metric: aov, profile: cn, weight: 60, target: 250}
              - {metric: refund_rate, profile: cn, weight: 30, target: 0.2}
              - {rating: 工作态度, weight: 10}
        """

    /// E1 owns both shops, so E1's October under cn equals the company's (RunTests): aov 246.55,
    /// refund rate 0.25.
    ///  aov 246.55 / 250 = 0.9862 → 60 × 0.9862 = 59.17; refund rate (lower) 0.2 / 0.25 = 0.8 → 24;
    ///  attitude 9 / 10 → 9. Total 92.17 → B. E9's role has no scorecard: listed, not scored.
    @Test(arguments: StoreBackend.available) func runScoresAndExplainShowsEachPoint(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("inbox/team/roster.csv", Self.roster)
        try ws.write("inbox/team/ratings_202610.csv", Self.ratings)
        try ws.write("scorecards.yaml", Self.scorecards)
        let report = try ws.pipeline().run()
        #expect(report.text.contains("note: not scored (no scorecard for their role): E9 小李 (实习生)"))
        let scores = try ws.export("fact_score")
        #expect(scores.contains("month,2026-10-01,2026-10-31,employee,E1,王芳,平台运营,ops,total,,,,,,,,,,100,100,92.17,92.17,B,,,,,"))
        let period = try #require(Period(naming: "2026-10", grain: nil))
        let explained = try ScoreReport.load(period: period, store: try ws.pipeline().store).explain("E1")
        #expect(explained.contains("""
              aov  weight 60
                actual      246.55, 4 records
                definition  cn/v1 timezone=Asia/Shanghai sales=gross tax=excluded shipping=excluded currency=CNY
                target      250 (250, in force all period)
                achievement 0.9862
                points      59.17
            """))
        #expect(explained.contains("  refund_rate  weight 30\n    actual      0.25, 4 records"))
        #expect(explained.hasSuffix("  total 92.17 · grade B"))
        // The same card for the China team: labels, names, definitions and target bases in Chinese.
        let zh = try ScoreReport.load(period: period, store: try ws.pipeline().store).explain("E1", language: .zh)
        #expect(zh.contains("""
              客单价 (aov)  权重 60
                实际        246.55，4 条记录
                定义        cn/v1 时区=Asia/Shanghai 销售额口径=总额(不扣退款) 税费=不含 运费=不含 币种=CNY
                目标        250（250，全期生效）
                达成率      0.9862
                得分        59.17
            """))
        #expect(zh.hasSuffix("  总分 92.17 · 等级 B"))
        // A second run changes no score.
        let again = try ws.pipeline().run()
        #expect(again.text.contains("in fact_score (0 new, 0 changed, 0 removed,"))
        #expect(try ws.export("fact_score") == scores)
    }

    /// The same roster kept in Excel (dates as date cells, the header in English) scores E1 as the CSV does,
    /// and records the hire date as a date.
    @Test func aRosterInXLSXScoresAsTheCSVDoes() throws {
        let ws = try TemporaryWorkspace(backend: .sqlite)
        try FileManager.default.createDirectory(atPath: ws.path + "/inbox/team", withIntermediateDirectories: true)
        try WorkbookWriter().write([.init(name: "花名册", header: ["Employee ID", "Name", "Team", "Role", "Shift", "Hire Date", "Time Zone", "Shops"], rows: [
            [.text("E1"), .text("王芳"), .text("一组"), .text("平台运营"), .text("Day"), .text("2024-03-01"), .text("Asia/Shanghai"),
             .text("amazon-us;shopify-dtc")],
        ])], to: ws.path + "/inbox/team/roster.xlsx")
        try ws.write("inbox/team/ratings_202610.csv", Self.ratings)
        try ws.write("scorecards.yaml", Self.scorecards)
        let report = try ws.pipeline().run()
        #expect(report.files.first { $0.file == "inbox/team/roster.xlsx" }?.connector == "team.roster")
        #expect(try ws.export("fact_score").contains("month,2026-10-01,2026-10-31,employee,E1,王芳,平台运营,ops,total,,,,,,,,,,100,100,92.17,92.17,B,,,,,"))
        #expect(try ws.export("dim_employee").contains("E1,王芳,一组,平台运营,day,2024-03-01,,Asia/Shanghai,amazon-us;shopify-dtc,"))
    }

    /// Six KPI lines on one card is advice, not an error: validate warns and passes, and the run scores.
    @Test func aCardWithMoreThanFiveKPILinesIsAWarning() throws {
        let ws = try TemporaryWorkspace(backend: .sqlite)
        try ws.write("scorecards.yaml", """
            roles: {平台运营: ops}
            scorecards:
              ops:
                lines:
                  - {metric: gmv, profile: cn, weight: 15, target: 1000}
                  - {metric: orders, profile: cn, weight: 15, target: 10}
                  - {metric: aov, profile: cn, weight: 15, target: 100}
                  - {metric: units, profile: cn, weight: 15, target: 20}
                  - {metric: refund_rate, profile: cn, weight: 15, target: 0.05}
                  - {metric: conversion_rate, profile: cn, weight: 15, target: 0.08}
                  - {rating: 工作态度, weight: 10}
            """)
        let pipeline = try ws.pipeline()
        #expect(try pipeline.validate().isEmpty)
        #expect(ValidateJob(pipeline: pipeline).warnings == [
            "scorecards.yaml: `scorecards.ops.lines` has 6 KPI lines; more than 5 per role dilutes each one's weight: "
                + "keep the few that decide the job and move the rest to a report",
        ])
        let json = Confirmations.validation(pipeline.workspace, problems: [], warnings: ValidateJob(pipeline: pipeline).warnings)
        #expect(json.hasPrefix("{\"ok\":true,") && json.contains("\"warnings\":[\"scorecards.yaml: `scorecards.ops.lines` has 6 KPI lines;"))
    }

    @Test(arguments: StoreBackend.available) func validateNamesEveryProblem(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("inbox/team/roster.csv", Self.roster)
        try ws.write("scorecards.yaml", """
            roles: {平台运营: ops, 客服: suport}
            segments: [night]
            scorecards:
              ops:
                lines:
                  - {metric: convertion_rate, profile: cn, weight: 40, target: 0.1}
                  - {metric: aov, profile: china, weight: 30, target: 250}
                  - metric: orders
                    profile: cn
                    weight: 20
                    targets:
                      - {value: 100, from: 2026-10-01}
                      - {value: 120, from: 2026-10-01}
              support:
                lines:
                  - {rating: 工作态度, weight: 100}
            """)
        let problems = try ws.pipeline().validate().map(\.en)
        #expect(problems == [
            "scorecards.yaml: `scorecards.ops.lines[0].metric` `convertion_rate` is not a metric (did you mean `conversion_rate`?)",
            "scorecards.yaml: `scorecards.ops.lines[1].profile` `china` is not a definition profile",
            "scorecards.yaml: `scorecards.ops.lines[2].targets[1].from` overlaps target targets[0]: both are in force from 2026-10-01 for everyone; give the change its own `from` date",
            "scorecards.yaml: `scorecards.ops.lines` weights sum to 90, expected 100",
            "scorecards.yaml: `roles.客服` names scorecard `suport`, which is not defined (did you mean `support`?)",
            "inbox/team/roster.csv:3: employee E9 (小李) has role `实习生`, which no scorecard covers; map it under `roles:` in scorecards.yaml",
        ])
        // The same problems for a Chinese reader, file names and keys as written.
        #expect(try ws.pipeline().validate().map(\.zh) == [
            "scorecards.yaml：`scorecards.ops.lines[0].metric` `convertion_rate` 不是指标（是不是 `conversion_rate`？）",
            "scorecards.yaml：`scorecards.ops.lines[1].profile` `china` 不是口径",
            "scorecards.yaml：`scorecards.ops.lines[2].targets[1].from` 与目标 targets[0] 重叠：两者都从 2026-10-01 起对所有人生效；请给这次调整单独写一个 `from` 日期",
            "scorecards.yaml：`scorecards.ops.lines` 权重合计为 90，应为 100",
            "scorecards.yaml：`roles.客服` 指向考核表 `suport`，但它没有定义（是不是 `support`？）",
            "inbox/team/roster.csv:3：员工 E9（小李）的岗位是 `实习生`，没有考核表覆盖这个岗位；请在 scorecards.yaml 的 `roles:` 下为它指定考核表",
        ])
        // run refuses before loading anything (the roster problem is validate's alone: run lists unscored people).
        let error = pipelineError { _ = try ws.pipeline().run() }
        #expect(error?.message.contains("(5 problems in scorecards.yaml; nothing was loaded; `kpibridge validate` checks again)") == true)
        #expect(try ws.export("load_ledger").split(separator: "\r\n").count == 1)
    }
}
