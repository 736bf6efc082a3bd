import Foundation
import KPIPipeline
import KPIStoreTesting
import KPIText
import KPIWorkspace
import Testing

/// `kpibridge doctor`: every check passes on a healthy workspace and each fails, alone and with its fix,
/// when its part is broken on purpose.
@Suite struct DoctorTests {
    static func context(_ ws: TemporaryWorkspace, crontab: String? = nil) -> DoctorContext {
        var context = DoctorContext(directory: ws.path, storeOverride: ws.store, builtinConnectors: [shippedConnectors],
                                    invocation: Invocation(workspace: ws.path))
        context.crontab = { crontab }
        context.systemdUnits = ws.path + "/no-units"
        context.cronDirectory = ws.path + "/no-cron.d"
        return context
    }

    /// The crontab line `schedule print` writes for the workspace.
    static func cronLine(_ ws: TemporaryWorkspace) throws -> String {
        let root = try ws.pipeline().workspace.paths.root
        return "30 2 * * * cd \(root) && mkdir -p logs && /usr/local/bin/kpibridge run --workspace \(root) --schedules \(root)/schedules --schedule nightly\n"
    }

    static func problems(_ doctor: Doctor) -> [String] { doctor.problems.map(\.check) }

    @Test(arguments: StoreBackend.available)
    func aHealthyWorkspacePassesEveryCheck(backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try ws.pipeline().run()
        let doctor = Doctor(Self.context(ws, crontab: try Self.cronLine(ws)))
        #expect(doctor.problems.isEmpty, "\(doctor.text)")
        #expect(doctor.findings.map(\.check) == ["system", "zones", "workspace", "store \(try ws.pipeline().storeURL)",
                                                 "source inbox/amazon/*.txt [amazon.all_orders]", "source inbox/shopify/*.csv [shopify.orders]",
                                                 "source inbox/erp/*.csv [mabang.orders]", "fx", "scorecards", "schedules", "notify"])
        #expect(doctor.text.hasSuffix("all 11 checks ok"))
        let zh = doctor.text(language: .zh)
        #expect(zh.hasSuffix("全部 11 项检查正常"))
        #expect(zh.contains("\n  正常     通知：没有 `notify:` webhook：失败的运行和过期的数据源只会通过 cron 的邮件告知\n"))
        // Library and tool names stay as they are written.
        #expect(ReportLanguageTests.englishWords(in: zh).subtracting(["kpibridge", "doctor", "SQLite", "XMLParser", "libxml", "URLSession",
                                                                         "libcurl", "crontab", "cron", "systemd", "webhook"]).sorted() == [])
    }

    @Test func eachCheckFailsAloneWithItsFix() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        let cron = try Self.cronLine(ws)

        var zones = Self.context(ws, crontab: cron)
        zones.zoneInfo = ws.path + "/no-zoneinfo"
        #expect(Self.problems(Doctor(zones)) == ["zones"])
        #expect(Doctor(zones).problems.first?.fix?.en == "install the zone database (apt-get install tzdata)")

        // No schedule runs it; then a systemd unit `schedule print` wrote does.
        #expect(Self.problems(Doctor(Self.context(ws))) == ["schedules"])
        var units = Self.context(ws)
        units.systemdUnits = ws.path + "/units"
        let root = try ws.pipeline().workspace.paths.root
        try ws.write("units/kpibridge-nightly.service", "[Service]\nWorkingDirectory=\(root)\nExecStart=/usr/local/bin/kpibridge run\n")
        #expect(Self.problems(Doctor(units)).isEmpty)

        // A scorecard line no loaded data feeds (traffic, which the tiny inbox has none of).
        try ws.write("scorecards.yaml", """
            roles: {平台运营: ops}
            scorecards:
              ops:
                lines:
                  - {metric: aov, profile: cn, weight: 60, target: 200}
                  - {metric: traffic_growth, profile: cn, weight: 40, target: 0.1}
            """)
        _ = try ws.pipeline().run()
        let cards = Doctor(Self.context(ws, crontab: cron))
        #expect(Self.problems(cards) == ["scorecards"])
        #expect(cards.problems.first?.detail.en == "no loaded data feeds ops.traffic_growth (cn, weight 40); their weight moves to the other lines of each card (missing_data: reweight)")
        #expect(cards.problems.first?.detail.zh == "已加载的数据不能提供 ops.traffic_growth（cn，权重 40）；其权重转给所在考核表的其他考核项（`missing_data: reweight`）")
        try FileManager.default.removeItem(atPath: ws.path + "/scorecards.yaml")
        _ = try ws.pipeline().run()

        // A source nobody fills.
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", config + "  - connector: tiktok.orders\n    files: inbox/tiktok/*.csv\n    shop: tiktok-us\n    currency: USD\n")
        let source = Doctor(Self.context(ws, crontab: cron))
        #expect(Self.problems(source) == ["source inbox/tiktok/*.csv [tiktok.orders]"])
        #expect(source.problems.first?.fix?.en == "put the TikTok Shop orders export, US date style (CSV) where `inbox/tiktok/*.csv` finds it, or remove the source")
        try ws.write("kpibridge.yaml", config)

        // The last run lacked a rate.
        try ws.write("fx_rates.csv", "date,from,to,rate\n2026-10-01,USD,CNY,7.10\n")
        try ws.write("inbox/shopify/late.csv", """
            Name,Financial Status,Paid at,Fulfilled at,Cancelled at,Shipping,Taxes,Refunded Amount,Currency,Created at,Lineitem quantity,Lineitem price,Lineitem sku
            #90,paid,,,,,,,USD,2026-12-01 10:00:00 -0700,1,5.00,S1

            """)
        let lacking = try ws.pipeline().run()
        #expect(lacking.problems.count == 1)
        // The run summary says it in Chinese too, rows to add included; only codes stay (metrics, currencies, RATE).
        let zh = lacking.text(language: .zh)
        #expect(zh.contains("\n等待汇率：记录需要的 7 个（币种，日期）组合没有汇率：USD→CNY 2026-09-30…2026-12-02（7 天）；"))
        #expect(zh.contains("并把 RATE 换成汇率：\n  2026-09-30,USD,CNY,RATE\n"))
        #expect(ReportLanguageTests.englishWords(in: zh).subtracting(["kpibridge", "run", "gmv", "aov", "RATE", "USD", "CNY", "email", "export",
                                                                         "table", "quarantine", "format", "csv"]).sorted() == [])
        let rates = Doctor(Self.context(ws, crontab: cron))
        #expect(Self.problems(rates) == ["fx"])
        #expect(rates.problems.first?.detail.en.hasPrefix("run #4 lacked rates: no fx rate for") == true)
        // The whole message, down to the rows to add (the run's first line alone ended at "filled in:").
        #expect(rates.problems.first?.detail.en.hasSuffix("with RATE filled in:\n  2026-09-30,USD,CNY,RATE\n  2026-10-15,USD,CNY,RATE\n"
                                                        + "  2026-10-30,USD,CNY,RATE\n  2026-12-01,USD,CNY,RATE") == true)

        // A webhook whose URL file is missing: named, with the command that tests a webhook.
        let plain = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        try ws.write("kpibridge.yaml", plain + "notify:\n  - {name: ops, channel: feishu, webhook: file:secrets/feishu_url}\n")
        let notify = Doctor(Self.context(ws, crontab: cron))
        #expect(Self.problems(notify) == ["fx", "notify"])
        #expect(notify.problems.last?.detail.en == "kpibridge.yaml: notify `ops`: credential `webhook`: file secrets/feishu_url is missing, empty or not UTF-8")
        #expect(notify.problems.last?.fix?.en == "set the variable or write the file named, then `kpibridge notify --workspace \(ws.path)` sends a test message")
        try ws.write("kpibridge.yaml", plain)

        // A store file that is not a database; then a workspace that does not open at all.
        let store = try ws.pipeline().storeURL
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: ws.path + "/.kpibridge/warehouse.sqlite"))
        #expect(Self.problems(Doctor(Self.context(ws, crontab: cron))).contains("store \(store)"))
        try ws.write("kpibridge.yaml", "sources:\n  - connector: shopify.orders\n    filez: x\n")
        let broken = Doctor(Self.context(ws, crontab: cron))
        #expect(Self.problems(broken) == ["workspace", "store", "sources", "fx", "scorecards", "schedules", "notify"])
        #expect(broken.findings.last?.detail.en == "not checked: the workspace does not open")
    }
}
