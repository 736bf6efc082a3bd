import Foundation
import KPINotify
import KPIPipeline
import KPIPullTesting
import KPISchema
import KPIStoreTesting
import KPIText
import KPIWorkspace
import Logging
import Testing

/// Chat webhooks (飞书, 钉钉, 企业微信, Slack) told about runs and reports, checked by the local stand-in
/// (samples/api-demo/mock_api.py), which recomputes 飞书's and 钉钉's signatures as the platforms do.
@Suite struct NotifyTests {
    static let feishuPath = "/open-apis/bot/v2/hook/5f0c7e4a-feishu-hook-token-0001"
    static let feishuSecret = "feishu-sign-secret-3141"
    static let dingtalkToken = "dingtalk-access-token-2718"
    static let dingtalkSecret = "SECdingtalk-sign-secret-1618"
    static let wecomKey = "wecom-robot-key-6931-aaaa"
    static let slackPath = "/services/T0KPI0001/B0KPI0002/slackwebhooksecret4711"
    /// Every secret the webhooks hold: none may reach an output.
    static let secrets = [feishuPath, feishuSecret, dingtalkToken, dingtalkSecret, wecomKey, slackPath, "5f0c7e4a-feishu-hook-token-0001",
                          "slackwebhooksecret4711"]

    static func route(_ path: String, query: [String: String] = [:], check: [String: Any] = [:],
                      replies: [[String: Any]]) -> [String: Any] {
        ["method": "POST", "path": path, "query": query, "responses": replies].merging(check) { a, _ in a }
    }

    static func scenario(feishuSecret: String = Self.feishuSecret, wecom: [[String: Any]] = [["json": ["errcode": 0, "errmsg": "ok"]]]) -> [String: Any] {
        ["routes": [
            route(feishuPath, check: ["feishu_secret": feishuSecret], replies: [["json": ["code": 0, "msg": "success", "data": [:] as [String: Any]]]]),
            route("/robot/send", query: ["access_token": dingtalkToken], check: ["dingtalk_secret": dingtalkSecret],
                  replies: [["json": ["errcode": 0, "errmsg": "ok"]]]),
            route("/cgi-bin/webhook/send", query: ["key": wecomKey], replies: wecom),
            route(slackPath, replies: [["body": "ok"]]),
        ]]
    }

    /// The tiny workspace plus a Walmart source that expects a file every 36 hours and has none, and the
    /// four webhooks, their URLs and secrets in files.
    static func workspace(_ server: MockAPIServer, on events: String = "", backend: StoreBackend = .sqlite) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("secrets/feishu_url", server.base + feishuPath + "\n")
        try ws.write("secrets/feishu_secret", feishuSecret + "\n")
        try ws.write("secrets/dingtalk_url", server.base + "/robot/send?access_token=" + dingtalkToken + "\n")
        try ws.write("secrets/dingtalk_secret", dingtalkSecret + "\n")
        try ws.write("secrets/wecom_url", server.base + "/cgi-bin/webhook/send?key=" + wecomKey + "\n")
        try ws.write("secrets/slack_url", server.base + slackPath + "\n")
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", config + """
              - connector: walmart.orders
                files: inbox/walmart/*.xlsx
                shop: walmart-us
                fresh_within: 36h
            notify:
              - {name: ops-feishu, channel: feishu, webhook: file:secrets/feishu_url, secret: file:secrets/feishu_secret\(events)}
              - {name: ops-dingtalk, channel: dingtalk, webhook: file:secrets/dingtalk_url, secret: file:secrets/dingtalk_secret\(events)}
              - {name: warehouse-wecom, channel: wecom, webhook: file:secrets/wecom_url\(events)}
              - {name: us-slack, channel: slack, webhook: file:secrets/slack_url, lang: en\(events)}

            """)
        return ws
    }

    /// A run with a stale source tells each webhook once, in its language, signed where the platform
    /// signs: the stand-in accepted every signature, and the bodies are exactly the platforms' shapes.
    @Test func aStaleSourceIsToldToEveryWebhookSigned() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server)
        var pipeline = try ws.pipeline()
        // 12:00:03 gives 钉钉 a signature with `+` and `/`: the stand-in, which reads `+` in a query as a
        // space, accepts it only percent-encoded.
        pipeline.now = at("2026-11-25T12:00:03Z")
        pipeline.invocation = Invocation(workspace: ws.path)
        let report = try pipeline.run()
        #expect(report.exitCode == PipelineError.Kind.stale.rawValue)
        #expect(report.deliveries.map(\.failure) == [nil, nil, nil, nil])
        #expect(report.text.contains("notified: ops-dingtalk (stale); ops-feishu (stale); us-slack (stale); warehouse-wecom (stale)"))

        let zh = """
            kpibridge 数据断更 · \(pipeline.workspace.paths.root): 1 个数据源超过约定时间没有新文件
            - inbox/walmart/*.xlsx [walmart.orders]: 还没有加载过文件, 约定 36h 内
            查看: kpibridge freshness --workspace \(ws.path)
            """
        let en = """
            kpibridge stale sources · \(pipeline.workspace.paths.root): 1 source without a new file in time
            - inbox/walmart/*.xlsx [walmart.orders]: no file loaded yet, expected within 36h
            See: kpibridge freshness --workspace \(ws.path)
            """
        func json(_ object: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        }
        let requests = try server.requests()
        let feishu = try #require(requests.first { $0.path == Self.feishuPath })
        // 2026-11-25T12:00:03Z is 1795608003 s; the signatures are the stand-in's to check, recomputed from the documented rules.
        #expect(feishu.body == (try json(["msg_type": "text", "content": ["text": zh], "timestamp": "1795608003",
                                           "sign": WebhookSignature.feishu(timestamp: 1_795_608_003, secret: Self.feishuSecret)])))
        #expect(feishu.headers["content-type"] == "application/json; charset=utf-8")
        let dingtalk = try #require(requests.first { $0.path == "/robot/send" })
        #expect(dingtalk.query == ["access_token": Self.dingtalkToken, "timestamp": "1795608003000",
                                   "sign": "TULE6/vsp3zPBIsFmkh+px4aMetQW3OT6FGhDvsw68M="])
        #expect(WebhookSignature.dingtalk(timestamp: 1_795_608_003_000, secret: Self.dingtalkSecret) == "TULE6/vsp3zPBIsFmkh+px4aMetQW3OT6FGhDvsw68M=")
        #expect(dingtalk.body == (try json(["msgtype": "text", "text": ["content": zh]])))
        let wecom = try #require(requests.first { $0.path == "/cgi-bin/webhook/send" })
        #expect(wecom.body == (try json(["msgtype": "text", "text": ["content": zh]])))
        let slack = try #require(requests.first { $0.path == Self.slackPath })
        #expect(slack.body == (try json(["text": en])))
        #expect(requests.count == 4)
        for secret in Self.secrets { #expect(!report.text.contains(secret), "\(secret)") }
    }

    /// A wrong 飞书 secret is refused by the stand-in as 飞书 refuses it (code 19021, HTTP 200): the run says
    /// which webhook was not told and why, without the secret, and exits 1; a 503 from 企业微信 is retried
    /// (its URL, which holds the key, logged as `[redacted]`); Slack's 404 echoing its URL with JSON- and
    /// percent-escaped slashes reaches neither the summary nor the log.
    @Test func aRefusedSignatureFailsTheRunAndA503IsRetried() throws {
        var scenario = Self.scenario(feishuSecret: "another-secret-0000",
                                     wecom: [["status": 503, "body": "busy"], ["json": ["errcode": 0, "errmsg": "ok"]]])
        var routes = scenario["routes"] as! [[String: Any]]
        routes[3] = Self.route(Self.slackPath, replies: [["status": 404, "body": "no_service: {{base}}\\/services\\/T0KPI0001\\/B0KPI0002\\/slackwebhooksecret4711 "
                                                                          + "(%2Fservices%2FT0KPI0001%2FB0KPI0002%2Fslackwebhooksecret4711)"]])
        scenario["routes"] = routes
        let server = try MockAPIServer(scenario: scenario)
        let ws = try Self.workspace(server)
        var pipeline = try ws.pipeline()
        pipeline.now = at("2026-11-25T12:00:00Z")
        let log = LineCollector()
        pipeline.logger = LogFormat.json.logger { log.append($0) }
        let report = try pipeline.run()
        #expect(report.exitCode == 1)
        #expect(report.text.contains("NOT NOTIFIED: ops-feishu [飞书 Feishu] of stale: 飞书 Feishu refused the message: code 19021: sign match fail "
                                    + "(check `secret`: the bot's 签名校验 secret, and this machine's clock) (exit code 1)"))
        #expect(report.text.contains("NOT NOTIFIED: us-slack [Slack] of stale: Slack refused the message: HTTP 404: no_service: "))
        #expect(report.deliveries.filter { $0.failure == nil }.map(\.webhook) == ["ops-dingtalk", "warehouse-wecom"])
        #expect(try server.requests().filter { $0.path == "/cgi-bin/webhook/send" }.count == 2)
        #expect(log.all.contains { $0.contains("\"retry    POST [redacted]: HTTP 503: busy; retry 1 of 3 in ") })
        #expect(try RunHistory.load(ws.pipeline(), limit: 1).runs.first?.status == "stale sources")
        let outputs = report.text + log.all.joined()
        for secret in Self.secrets { #expect(!outputs.contains(secret), "\(secret)") }
        #expect(report.text.contains("[redacted]"))
    }

    /// A run refused outright is told to the webhooks that take `failed`, and only to them.
    @Test func aRunThatCannotStartIsTold() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server, on: ", on: [failed]")
        try ws.write("kpibridge.yaml", try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
            .replacingOccurrences(of: "{name: us-slack, channel: slack, webhook: file:secrets/slack_url, lang: en, on: [failed]}",
                                  with: "{name: us-slack, channel: slack, webhook: file:secrets/slack_url, lang: en, on: [report]}"))
        try ws.write("scorecards.yaml", "roles: {}\nscorecards:\n  ops:\n    lines:\n      - {metric: aov, profile: cn, weight: 50, target: 250}\n")
        let error = pipelineError { _ = try ws.pipeline().run() }
        #expect(error?.kind == .failed)
        let requests = try server.requests()
        #expect(Set(requests.map(\.path)) == [Self.feishuPath, "/robot/send", "/cgi-bin/webhook/send"])
        let wecom = try #require(requests.first { $0.path == "/cgi-bin/webhook/send" })
        #expect(wecom.body.contains("kpibridge 运行未能完成 · "))
        #expect(wecom.body.contains("scorecards.yaml：`scorecards.ops.lines` 权重合计为 50，应为 100"))
    }

    /// Lines behind or at risk in the open period are told with their projection and target. On 21 October
    /// (Shanghai) E1's refund rate stands at 0.25 against a target of 0.2 (lower is better): a rate projects
    /// as it stands, 25 % over target, which is `behind` (over 16.5 %, up to 33 %); aov 246.55 against 250
    /// is 1.4 % short, on track, and not told.
    @Test func pacingAlertsAreTold() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server, on: ", on: [pacing]")
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        try ws.write("inbox/team/ratings_202610.csv", ScoringWorkspaceTests.ratings)
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        var pipeline = try ws.pipeline()
        pipeline.now = at("2026-10-21T04:00:00Z")
        let report = try pipeline.run()
        #expect(report.deliveries.map(\.event) == [.pacing, .pacing, .pacing, .pacing])
        let requests = try server.requests()
        let slack = try #require(requests.first { $0.path == Self.slackPath })
        #expect(slack.body.hasSuffix(": 1 line behind or at risk\\n- E1 王芳 · Refund rate · 2026-10: projected 25.0% against 20.0% (behind)\"}"))
        let wecom = try #require(requests.first { $0.path == "/cgi-bin/webhook/send" })
        #expect(wecom.body.hasSuffix(": 1 项落后或有风险\\n- E1 王芳 · 退款率 · 2026-10: 预计 25.0%, 目标 20.0% (落后)\"}}"))
    }

    /// A scorecards file broken past reading (an unknown key) stops the workspace from opening: the chats
    /// that take `failed` still hear of it, from kpibridge.yaml's own `notify:`.
    @Test func aWorkspaceThatDoesNotOpenIsStillTold() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server, on: ", on: [failed]")
        try ws.write("scorecards.yaml", "roles: {}\nscorecard: {}\n")
        let error = try #require(pipelineError { _ = try ws.pipeline() })
        let told = Notifications.tellUnopened(directory: ws.path, error: error, logger: Logger(label: "test"))
        #expect(told.message == error.message)
        let requests = try server.requests()
        #expect(Set(requests.map(\.path)) == [Self.feishuPath, "/robot/send", "/cgi-bin/webhook/send", Self.slackPath])
        let slack = try #require(requests.first { $0.path == Self.slackPath })
        #expect(slack.body.hasPrefix("{\"text\":\"kpibridge run could not finish · "))
        #expect(slack.body.contains("scorecard"))
    }

    /// `report --notify` sends the summary: sales per profile, the grades, the file.
    @Test func aReportSummaryIsSent() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server, on: ", on: [report]")
        _ = try ws.pipeline().run()
        let deliveries = try ws.pipeline().notifyReport(period: Period(naming: "2026-10", grain: nil)!, file: "/srv/reports/2026-10.html")
        #expect(deliveries.count == 4 && deliveries.allSatisfy { $0.failure == nil })
        let slack = try #require(try server.requests().first { $0.path == Self.slackPath })
        let text = try #require((try JSONSerialization.jsonObject(with: Data(slack.body.utf8)) as? [String: String])?["text"])
        #expect(text.hasPrefix("kpibridge report 2026-10 · "))
        #expect(text.contains("\n- Sales (GMV) (cn): 986.20 CNY\n- Sales (GMV) (us): 90.00 USD\n- Orders (cn): 4\n"))
        #expect(text.hasSuffix("\nReport file: /srv/reports/2026-10.html"))
    }

    /// A month-close schedule that writes reports tells the webhooks that take `report` where they are; its
    /// run (the Walmart source stale) tells those that take `stale`.
    @Test func aScheduleTellsItsReportsAndItsRun() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server, on: ", on: [report]")
        try ws.write("kpibridge.yaml", try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
            .replacingOccurrences(of: "{name: us-slack, channel: slack, webhook: file:secrets/slack_url, lang: en, on: [report]}",
                                  with: "{name: us-slack, channel: slack, webhook: file:secrets/slack_url, lang: en, on: [stale]}"))
        try ws.write("schedules/close.yaml", """
            cron: "0 6 2 * *"
            timezone: Asia/Shanghai
            stages: [load, report]
            report: {period: previous_month, lang: [zh, en], out: reports}

            """)
        var pipeline = try ws.pipeline()
        pipeline.now = at("2026-11-01T23:30:00Z")
        let close = try pipeline.run(schedule: ScheduleFile.named("close", directory: ws.path + "/schedules", workspace: pipeline.workspace))
        #expect(close.run?.deliveries.map(\.webhook) == ["us-slack"])
        #expect(close.reportDeliveries.map(\.webhook) == ["ops-feishu", "ops-dingtalk", "warehouse-wecom"])
        #expect(close.exitCode == PipelineError.Kind.stale.rawValue)
        let wecom = try #require(try server.requests().first { $0.path == "/cgi-bin/webhook/send" })
        #expect(wecom.body.contains("kpibridge 报告 2026-10 · "))
        #expect(wecom.body.hasSuffix("\\n报告文件: reports/kpibridge-report-2026-10-zh.html, reports/kpibridge-report-2026-10-en.html\"}}"))
    }

    /// `kpibridge notify` sends its test message to every webhook, whatever its `on:`.
    @Test func theTestMessageReachesEveryWebhook() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server, on: ", on: [report]")
        let workspace = try ws.pipeline().workspace
        let deliveries = try Notifications(workspace: workspace, logger: Logger(label: "test")).test()
        #expect(deliveries.map(\.webhook) == ["ops-feishu", "ops-dingtalk", "warehouse-wecom", "us-slack"])
        #expect(deliveries.allSatisfy { $0.failure == nil && $0.event == .test })
        #expect(RunReport.deliveryLines(deliveries) == ["notified: ops-dingtalk (test); ops-feishu (test); us-slack (test); warehouse-wecom (test)"])
        let slack = try #require(try server.requests().first { $0.path == Self.slackPath })
        #expect(slack.body == "{\"text\":\"kpibridge test message · \(workspace.paths.root): this chat will be told of failed runs, stale sources, pacing and reports\"}")
    }

    /// A server that quotes the path alone (`no route for POST /hook/…`) gives away a short token too:
    /// the path and its last part are hidden like the whole URL.
    @Test func aShortTokenQuotedInAnAnswerIsHidden() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server)
        try ws.write("secrets/feishu_url", server.base + "/hook/WRONGtok55\n")
        let deliveries = try Notifications(workspace: try ws.pipeline().workspace, logger: Logger(label: "test")).test()
        let failure = try #require(deliveries.first { $0.webhook == "ops-feishu" }?.failure)
        #expect(failure.en.hasPrefix("飞书 Feishu refused the message: HTTP 404: "))
        #expect(failure.zh.hasPrefix("飞书 Feishu 拒收了消息：HTTP 404: "))
        for half in [failure.en, failure.zh] { #expect(!half.contains("WRONGtok55") && half.contains("[redacted]")) }
    }

    /// When the latest run held the scores back, the report's summary says its grades are an earlier run's.
    @Test func aReportSummarySaysWhenScoresAreHeld() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server, on: ", on: [report]")
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        _ = try ws.pipeline().run()
        try ws.write("kpibridge.yaml", try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8) + "targets: targets.csv\n")
        try ws.write("targets.csv", "工号,指标,期间,目标值\nE7,aov,2026-10,240\n")
        #expect(try ws.pipeline().run().status == "scores held")
        _ = try ws.pipeline().notifyReport(period: Period(naming: "2026-10", grain: nil)!, file: "r.html")
        let slack = try #require(try server.requests().first { $0.path == Self.slackPath })
        #expect(slack.body.contains("\\n  Note: the latest run held the scores back (targets sheet problems); these grades are an earlier run's\\nReport file: r.html"))
    }

    /// Where a webhook's URL or secret cannot be read, `validate` says so, naming the file, not a value;
    /// a secret on a webhook its platform does not sign is refused when the workspace loads.
    @Test func validateNamesAWebhookItCannotRead() throws {
        let server = try MockAPIServer(scenario: Self.scenario())
        let ws = try Self.workspace(server)
        try FileManager.default.removeItem(atPath: ws.path + "/secrets/dingtalk_secret")
        try ws.write("secrets/slack_url", "http://hooks.example.com/services/T0/B0/X\n")
        #expect(try ws.pipeline().validate().map(\.en) == [
            "kpibridge.yaml: notify `ops-dingtalk`: credential `secret`: file secrets/dingtalk_secret is missing, empty or not UTF-8",
            "kpibridge.yaml: notify `us-slack`: `webhook` does not hold an https:// URL (plain http:// only to this machine)",
        ])
        try ws.write("kpibridge.yaml", "sources: []\nnotify:\n  - {channel: slack, webhook: file:secrets/slack_url, secret: file:secrets/x}\n")
        #expect(pipelineError { _ = try ws.pipeline() }?.message
                == "kpibridge.yaml: notify `slack`: `secret`: Slack webhooks are not signed; remove it")
        try ws.write("kpibridge.yaml", "sources: []\nnotify:\n  - {channel: feishu, webhook: \"https://open.feishu.cn/open-apis/bot/v2/hook/abc\"}\n")
        #expect(pipelineError { _ = try ws.pipeline() }?.message
                == "kpibridge.yaml: notify `feishu`: `webhook` must be `env:VARIABLE` or `file:PATH`: the webhook URL carries the bot's token and is never written into kpibridge.yaml")
        try ws.write("kpibridge.yaml", "sources: []\nnotify:\n  - {channel: feishu, webhook: \"env:https://open.feishu.cn/open-apis/bot/v2/hook/abc\"}\n")
        #expect(pipelineError { _ = try ws.pipeline() }?.message
                == "kpibridge.yaml: notify `feishu`: `webhook`: env: names an environment variable (letters, digits, _); the webhook URL carries the bot's token and is never written into kpibridge.yaml")
    }

    /// A text longer than 企业微信 takes (2048 bytes) is cut at a line, saying how many lines were left out.
    @Test func aLongTextIsCutAtALine() {
        let lines = (1...200).map { "- 第 \($0) 行: inbox/amazon-us/* [amazon.all_orders]" }
        let cut = WebhookSender.cut(lines.joined(separator: "\n"), toBytes: 2048)
        #expect(cut.utf8.count <= 2048)
        let kept = cut.split(separator: "\n")
        #expect(kept.dropLast().map(String.init) == Array(lines.prefix(kept.count - 1)))
        #expect(kept.last == "… \(200 - (kept.count - 1)) more lines not shown")
    }
}
