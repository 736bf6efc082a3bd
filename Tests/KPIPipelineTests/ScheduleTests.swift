import Foundation
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace
import Testing

/// Cron times as written and as systemd reads them, schedule files checked strictly, printed
/// lines quoted for their shell, and scheduled runs doing only their sources and stages.
@Suite struct ScheduleTests {
    @Test func cronTimesBecomeOnCalendarValues() throws {
        #expect(try CronExpression(parsing: "30 2 * * *").onCalendar(zone: "Asia/Shanghai") == "*-*-* 02:30:00 Asia/Shanghai")
        #expect(try CronExpression(parsing: "*/15 9-11 * * 1-5").onCalendar(zone: "UTC")
                == "Mon,Tue,Wed,Thu,Fri *-*-* 09,10,11:00,15,30,45:00 UTC")
        // 0 and 7 are both Sunday; `5/20` runs from 5 to the end of the field.
        #expect(try CronExpression(parsing: "5/20 0 * * 0,7").onCalendar(zone: "UTC") == "Sun *-*-* 00:05,25,45:00 UTC")
        #expect(try CronExpression(parsing: "0 6 2 1,7 *").onCalendar(zone: "UTC") == "*-01,07-02 06:00:00 UTC")
    }

    @Test func badCronTimesSayWhatIsWrong() {
        func message(_ text: String) -> String? {
            do { _ = try CronExpression(parsing: text); return nil } catch { return error.description }
        }
        #expect(message("30 2 * *") == "`30 2 * *` has 4 fields; cron times have 5: minute hour day-of-month month day-of-week")
        #expect(message("61 2 * * *") == "minute `61`: values run from 0 to 59")
        #expect(message("0 5-1 * * *") == "hour `5-1`: the range 5-1 runs backwards")
        #expect(message("*/0 * * * *") == "minute `*/0`: the step after `/` must be a whole number above 0")
        #expect(message("0 0 1 * mon") == "day of week `mon`: `mon` is not a number, a range like 1-5, or `*`")
        #expect(message("0 0 1 * 1")?.hasPrefix("`0 0 1 * 1` restricts both day of month and day of week") == true)
    }

    @Test func theRepositorysSchedulesLoad() throws {
        let ws = try TemporaryWorkspace()
        let directory = URL(fileURLWithPath: shippedConnectors).deletingLastPathComponent().appendingPathComponent("schedules").path
        let schedules = try ScheduleFile.loadAll(directory: directory, workspace: try ws.pipeline().workspace)
        #expect(schedules.map(\.name) == ["hourly-orders", "monthly-close", "nightly"])
        let close = schedules[1]
        #expect(close.stages == [.load, .score, .report])
        #expect(close.recompute == .previousMonth)
        #expect(close.close == .previousMonth && close.closeGraceDays == 1)
        #expect(close.report?.languages == [.zh, .en])
        #expect(schedules[0].sources == ["amazon.all_orders", "shopify.orders", "tiktok.orders"])
    }

    @Test func scheduleFilesAreCheckedStrictly() throws {
        let ws = try TemporaryWorkspace()
        let workspace = try ws.pipeline().workspace
        func problem(_ yaml: String) -> String? {
            do {
                try ws.write("schedules/x.yaml", yaml)
                _ = try ScheduleFile.named("x", directory: ws.path + "/schedules", workspace: workspace)
                return nil
            } catch {
                return (error as? PipelineError)?.message
            }
        }
        let file = ws.path + "/schedules/x.yaml"
        #expect(problem("cron: \"30 2 * * *\"\ntimezone: Asia/Shanghai\nstage: [load]\n")
                == "\(file): unknown key `stage` (did you mean `stages`?); allowed here: description, cron, timezone, sources, stages, recompute, close, close_grace_days, report")
        #expect(problem("cron: \"30 2 * * *\"\ntimezone: Asia/Shangai\n") == "\(file): `timezone` `Asia/Shangai` is not a known time zone")
        #expect(problem("cron: \"30 2 * * *\"\ntimezone: UTC\nsources: [amazon.all_order]\n")
                == "\(file): `sources` names `amazon.all_order`, which is not a connector of this workspace (did you mean `amazon.all_orders`?)")
        #expect(problem("cron: \"30 2 * * *\"\ntimezone: UTC\nstages: [load, report]\n")
                == "\(file): `stages` lists `report` but there is no `report:` section saying which period and where")
        #expect(problem("cron: \"30 25 * * *\"\ntimezone: UTC\n") == "\(file): `cron` hour `25`: values run from 0 to 23")
        #expect(problem("cron: \"30 2 * * *\"\ntimezone: UTC\n") == nil)
        #expect(pipelineError { _ = try ScheduleFile.named("nightly", directory: ws.path + "/schedules", workspace: workspace) }?.message
                == "no schedule `nightly` in \(ws.path)/schedules; there are: x")
    }

    @Test func printedLinesQuoteTheirPaths() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("schedules/nightly.yaml", "description: 100% of the inbox\ncron: \"30 2 * * *\"\ntimezone: Asia/Shanghai\n")
        let schedules = try ScheduleFile.loadAll(directory: ws.path + "/schedules", workspace: try ws.pipeline().workspace)
        let printer = SchedulePrinter(executable: "/opt/kpi bridge/kpibridge", workspace: "/srv/kpi's", schedules: "/srv/schedules")
        #expect(printer.text(schedules, format: .crontab).hasSuffix("""
            # nightly — 100% of the inbox
            CRON_TZ=Asia/Shanghai
            30 2 * * * cd '/srv/kpi'\\''s' && mkdir -p logs && '/opt/kpi bridge/kpibridge' run --workspace '/srv/kpi'\\''s' \
            --schedules /srv/schedules --schedule nightly >> logs/nightly.log 2>&1

            """))
        let units = printer.text(schedules, format: .systemd)
        #expect(units.contains("Description=kpibridge nightly: 100%% of the inbox"))
        #expect(units.contains("ExecStart=\"/opt/kpi bridge/kpibridge\" run --workspace \"/srv/kpi's\" --schedules /srv/schedules --schedule nightly"))
        #expect(units.contains("OnCalendar=*-*-* 02:30:00 Asia/Shanghai"))
        #expect(units.contains("SuccessExitStatus=3"))
        // Asked in Chinese: the comments change, the lines cron runs do not.
        let chinese = SchedulePrinter(executable: printer.executable, workspace: printer.workspace, schedules: printer.schedules,
                                      language: .zh)
        let zh = chinese.text(schedules, format: .crontab)
        #expect(zh.hasPrefix("# /srv/kpi's 的 kpibridge 调度计划（用 `crontab -e` 安装，或去掉用户字段放进 /etc/cron.d）。\n"))
        #expect(zh.split(separator: "\n").filter { !$0.hasPrefix("#") } == printer.text(schedules, format: .crontab)
            .split(separator: "\n").filter { !$0.hasPrefix("#") })
        #expect(chinese.text(schedules, format: .systemd).contains("# 3：另一个运行占用着存储；下一次运行会补上。\nSuccessExitStatus=3"))
        #expect(schedules[0].listingLine(.zh) == "nightly  30 2 * * * Asia/Shanghai  全部数据源  load,score  — 100% of the inbox")
        #expect(schedules[0].listingLine(.en) == "nightly  30 2 * * * Asia/Shanghai  all sources  load,score  — 100% of the inbox")
    }

    @Test func aScheduleLoadsOnlyItsSourcesAndStages() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        try ws.write("schedules/orders.yaml", "cron: \"5 * * * *\"\ntimezone: Asia/Shanghai\nsources: [amazon.all_orders]\nstages: [load]\n")
        try ws.write("schedules/close.yaml", """
            cron: "0 6 2 * *"
            timezone: Asia/Shanghai
            stages: [load, score, report]
            recompute: previous_month
            report: {period: previous_month, lang: [zh], out: reports}

            """)
        var pipeline = try ws.pipeline()
        // 23:30 on 1 November in UTC is 07:30 on 2 November in Shanghai: the previous month is October.
        pipeline.now = { Instant(iso8601: "2026-11-01T23:30:00Z")! }
        let orders = try pipeline.run(schedule: ScheduleFile.named("orders", directory: ws.path + "/schedules", workspace: pipeline.workspace))
        #expect(orders.run?.filesRead == 2)
        #expect(orders.leftForOthers == 2)
        #expect(orders.text.contains("left for other schedules: 2 inbox files of connectors not in `sources`"))
        // No `score` stage: nothing scored yet.
        #expect(try ws.export("fact_score").split(separator: "\r\n").count == 1)
        // The roster arrives later in the day; the close loads it with the rest and scores.
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        let close = try pipeline.run(schedule: ScheduleFile.named("close", directory: ws.path + "/schedules", workspace: pipeline.workspace))
        #expect(close.run?.filesRead == 3)
        #expect(close.run?.filesSkipped == 2)
        #expect(close.run?.recompute == DateRange(parsing: "2026-10"))
        #expect(close.reports == ["reports/kpibridge-report-2026-10-zh.html"])
        let html = try String(contentsOfFile: ws.path + "/reports/kpibridge-report-2026-10-zh.html", encoding: .utf8)
        #expect(html.contains("<h1>KPI 绩效报告 · 2026-10</h1>"))
        #expect(try ws.export("fact_score").contains(",E1,王芳,平台运营,ops,total,"))
        let status = try RunHistory.load(pipeline, limit: 5)
        #expect(status.runs.map(\.command) == ["run --schedule close", "run --schedule orders"])
    }

    /// `close: previous_month` closes last month once its grace days are past, after the run and scoring.
    @Test func aMonthlyCloseClosesLastMonthAfterItsGrace() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        for (name, grace) in [("patient", 3), ("close", 1)] {
            try ws.write("schedules/\(name).yaml", """
                cron: "0 6 2 * *"
                timezone: Asia/Shanghai
                stages: [load, score]
                close: previous_month
                close_grace_days: \(grace)

                """)
        }
        var pipeline = try ws.pipeline()
        // 07:30 on 2 November in Shanghai.
        pipeline.now = { Instant(iso8601: "2026-11-01T23:30:00Z")! }
        let patient = try pipeline.run(schedule: ScheduleFile.named("patient", directory: ws.path + "/schedules", workspace: pipeline.workspace))
        #expect(patient.text.hasSuffix("close: 2026-10 not closed yet: its grace days run until 2026-11-03; a run from 2026-11-04 closes it"))
        #expect(try pipeline.store.closedPeriods().isEmpty)
        let close = try pipeline.run(schedule: ScheduleFile.named("close", directory: ws.path + "/schedules", workspace: pipeline.workspace))
        #expect(close.text.contains("closed month 2026-10 (2026-10-01…2026-10-31) by schedule close, run #"))
        #expect(try pipeline.store.closedPeriods().closes.map(\.period.label) == ["2026-10"])
        let status = try RunHistory.load(pipeline, limit: 5)
        #expect(status.runs.map(\.command) == ["close", "run --schedule close", "run --schedule patient"])
        #expect(status.text(language: .en).contains("closed: month 2026-10 by schedule close at 2026-11-01T23:30:00Z (run #3)"))
        #expect(status.json.hasSuffix(",\"closed_periods\":[{\"grain\":\"month\",\"period_start\":\"2026-10-01\",\"period_end\":\"2026-10-31\","
                                      + "\"closed_at\":\"2026-11-01T23:30:00Z\",\"closed_by\":\"schedule close\",\"run\":3}],\"restatements\":0}"))
        // A period still under way is refused where it is written.
        try ws.write("schedules/bad.yaml", "cron: \"0 6 2 * *\"\ntimezone: UTC\nclose: current_month\n")
        #expect(pipelineError { _ = try ScheduleFile.named("bad", directory: ws.path + "/schedules", workspace: pipeline.workspace) }?.message
                == "\(ws.path)/schedules/bad.yaml: `close` closes a period still under way: close a previous one (previous_month, previous_quarter)")
    }
}
