import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// Definitions are versioned data: a closed month keeps the version it was computed with until a
/// `--recompute`, an in-place edit is refused, and `reconcile` shows the orders behind a delta.
@Suite struct DefinitionVersionTests {
    /// 22 Nov 2026: September and October are closed, November is open.
    static let today: @Sendable () -> Instant = { Instant(iso8601: "2026-11-22T12:00:00Z")! }

    func pipeline(_ ws: TemporaryWorkspace) throws -> Pipeline {
        var pipeline = try ws.pipeline()
        pipeline.now = Self.today
        return pipeline
    }

    /// cn's month-level value of `metric` and the version that computed it, from the exported facts.
    func cnMonth(_ ws: TemporaryWorkspace, _ metric: String, _ start: String = "2026-10-01") throws -> String? {
        for line in try ws.export("fact_metric").split(separator: "\r\n") {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "month", c[1] == start, c[4] == "company", c[6] == metric, c[7] == "cn" { return "v\(c[8]) \(c[10])" }
        }
        return nil
    }

    static let versioned = """
        profiles:
          cn:
            versions:
              - { version: 1, timezone: Asia/Shanghai, shipped: label_printed, sales: gross, currency: CNY }
              - { version: 2, effective_from: 2026-10-01, shipped: carrier_first_scan }
          us: { version: 1, timezone: America/Los_Angeles, shipped: carrier_first_scan, sales: net, currency: USD }
        """

    @Test(arguments: StoreBackend.available) func aClosedMonthKeepsItsVersionUntilRecomputed(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try pipeline(ws).run()
        // Label printed: O1, O2, O4 and #2001 in October (see RunTests).
        #expect(try cnMonth(ws, "shipped_orders") == "v1 4")

        // cn now counts first carrier scans from October on. October is closed: nothing silently changes.
        try ws.write("definitions.yaml", Self.versioned)
        let kept = try pipeline(ws).run()
        #expect(try cnMonth(ws, "shipped_orders") == "v1 4")
        // Only the quarter moves to v2: 2026-Q4 runs to 31 December, so it is still open on 22 November.
        #expect(kept.facts?.changes.isEmpty == false)
        #expect(kept.facts?.changes.allSatisfy { $0.key[0] == "quarter" } == true)
        #expect(kept.text.contains("closed periods keep the definition version they were computed with (e.g. cn/v1 for day 2026-10-01); `kpibridge run --recompute 2026-10-01..2026-11-01` rewrites them"))
        #expect(kept.text(language: .zh).contains("个已结账的周期保留计算时的口径版本（例如 2026-10-01 这一天用 cn/v1）；"
                                                  + "`kpibridge run --recompute 2026-10-01..2026-11-01` 会按现行口径重写"))

        // --recompute rewrites October with v2: in Beijing, O1 and O4 were scanned in October; O2 never, #2001 on 2 Nov.
        let recomputed = try pipeline(ws).run(recompute: DateRange(parsing: "2026-10"))
        #expect(try cnMonth(ws, "shipped_orders") == "v2 2")
        #expect(recomputed.text.contains("  month 2026-10-01 company all shipped_orders cn: 4 → 2 (cn/v1 timezone=Asia/Shanghai shipped=label_printed ⇒ cn/v2 timezone=Asia/Shanghai shipped=carrier_first_scan)"))
        let changes = try ws.export("fact_changes").split(separator: "\r\n")
        #expect(changes.contains { $0.hasSuffix(",updated,month,2026-10-01,company,all,shipped_orders,cn,4,2,cn/v1 timezone=Asia/Shanghai shipped=label_printed,cn/v2 timezone=Asia/Shanghai shipped=carrier_first_scan") })
        // Both versions are on record.
        let definitions = try ws.export("definitions")
        #expect(definitions.contains("cn,1,,shipped,label_printed,,") && definitions.contains("cn,2,2026-10-01,shipped,carrier_first_scan,,"))
    }

    /// A profile's Chinese description serves the versions that write none; a version writing its own English
    /// one is not paired with the profile's Chinese (it would describe another version); no Chinese at all
    /// falls back to the English a team wrote.
    @Test func descriptionsFollowTheVersionThatWritesThem() throws {
        let ws = try TemporaryWorkspace(backend: .sqlite)
        try ws.write("definitions.yaml", """
            profiles:
              cn:
                description: China team
                description_zh: 中国团队
                versions:
                  - { version: 1, timezone: Asia/Shanghai, shipped: label_printed, sales: gross, currency: CNY }
                  - { version: 2, effective_from: 2026-11-01, shipped: outbound, description: outbound from November }
              us: { version: 1, timezone: America/Los_Angeles, shipped: carrier_first_scan, sales: net, currency: USD, description: US team }
            """)
        let definitions = try pipeline(ws).workspace.definitions.definitions
        let cn = definitions.versions(of: "cn"), us = definitions.versions(of: "us")
        #expect(cn[0].description(in: .zh) == "中国团队" && cn[0].description(in: .en) == "China team")
        #expect(cn[1].description(in: .zh) == "outbound from November" && cn[1].description(in: .en) == "outbound from November")
        #expect(us[0].description(in: .zh) == "US team")
    }

    @Test(arguments: StoreBackend.available) func editingAVersionInPlaceIsRefused(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try pipeline(ws).run()
        try ws.write("definitions.yaml", """
            profiles:
              cn: { version: 1, timezone: Asia/Shanghai, shipped: outbound, sales: gross, currency: CNY }
              us: { version: 1, timezone: America/Los_Angeles, shipped: carrier_first_scan, sales: net, currency: USD }
            """)
        let error = pipelineError { _ = try pipeline(ws).run() }
        #expect(error?.message.hasPrefix("definitions.yaml: profile `cn` version 1 was changed in place (shipped: label_printed → outbound), but closed periods were computed with it. Add version 2 with an `effective_from` date instead, or rewrite those periods with `kpibridge run --recompute 2026-09-28..2026-11-01`") == true)
        #expect(try cnMonth(ws, "shipped_orders") == "v1 4")
        let recomputed = try pipeline(ws).run(recompute: DateRange(parsing: "2026-09-28..2026-11-01"))
        // The ERP file has all four parcels leaving the warehouse in October (Beijing): same count, new definition.
        #expect(try cnMonth(ws, "shipped_orders") == "v1 4")
        #expect(recomputed.text.contains("\n  month 2026-10-01 company all shipped_orders cn: 4 → 4 (cn/v1 timezone=Asia/Shanghai shipped=label_printed ⇒ cn/v1 timezone=Asia/Shanghai shipped=outbound)\n"))
    }

    @Test(arguments: StoreBackend.available) func definitionsAreCheckedKeyByKey(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("definitions.yaml", """
            profiles:
              cn: { version: 1, timezone: Asia/Shanghai, shiped: label_printed, sales: gross, currency: CNY }
            """)
        #expect(pipelineError { _ = try pipeline(ws) }?.message.hasPrefix("definitions.yaml: unknown key `profiles.cn.shiped` (did you mean `shipped`?)") == true)
        try ws.write("definitions.yaml", """
            profiles:
              cn:
                versions:
                  - { version: 1, timezone: Asia/Shanghai, shipped: label_printed, sales: gross, currency: CNY }
                  - { version: 2, shipped: outbound }
            """)
        #expect(pipelineError { _ = try pipeline(ws) }?.message == "definitions.yaml: `profiles.cn.versions[1].effective_from` is missing; a later version needs the date its periods start from")
        try ws.write("definitions.yaml", """
            profiles:
              us: { version: 1, timezone: America/Los_Angeles, shipped: carrier_first_scan, sales: net, currency: USD, response_time: business_hours, business_calendar: support }
            """)
        #expect(pipelineError { _ = try pipeline(ws) }?.message == "definitions.yaml: `profiles.us.business_calendar` `support` is not under `calendars:` (defined: )")
    }

    @Test(arguments: StoreBackend.available) func reconcileNamesTheOrdersBehindTheDelta(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        let pipeline = try pipeline(ws)
        _ = try pipeline.run()
        let query = ReconcileReport.Query(metric: "shipped_orders", pair: .init("cn", "us"),
                                          period: Period(naming: "2026-10", grain: nil)!)
        let report = try ReconcileReport.load(query, store: pipeline.store, detailGrains: [.month])
        let head = [
            "shipped_orders · month 2026-10 · company all",
            "  cn  4  cn/v1 timezone=Asia/Shanghai shipped=label_printed",
            "  us  2  us/v1 timezone=America/Los_Angeles shipped=carrier_first_scan",
            "  delta (us − cn): -2",
            "  definitions differ on: timezone, shipped",
            "  2 records count only for cn, 0 only for us, 0 count differently",
            "",
            // #2001 was labelled in October and scanned in November; 112-0000002 was never scanned.
            "bridge cn → us, cause by cause:",
            "  cn                                      4",
            "  different shipped event  1 records  -1  3",
            "  event not recorded yet   1 records  -1  2",
            "  us                                      2",
            "",
        ]
        #expect(report.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                == head + ["2 records behind the difference; --records lists each with its file and line"])
        #expect(report.text(listRecords: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == head + [
            "records behind the difference (2):",
            "  only cn  order amazon:112-0000002-0000002 label printed 2026-10-15 20:00 Asia/Shanghai; no first carrier scan recorded yet → 2026-10 for cn, not shipped for us",
            "      [event_missing] inbox/amazon/orders.txt:3",
            "  only cn  order shopify:#2001 label printed 2026-10-31 20:05 Asia/Shanghai, first carrier scan 2026-11-01 09:12 America/Los_Angeles → 2026-10 for cn, 2026-11 for us",
            "      [shipped_event] inbox/shopify/orders.csv:2",
        ])
        let zh = report.text(language: .zh)
        #expect(zh.hasPrefix("已发货订单数 (shipped_orders) · 月 2026-10 · 公司\n  cn  4  cn/v1 时区=Asia/Shanghai 发货口径=打单"))
        #expect(zh.contains("仅cn计入 2 条，仅us计入 0 条，两边计值不同 0 条"))
        #expect(zh.contains("\n  差额（us − cn）：-2\n  口径分歧：时区、发货口径\n"))
        #expect(report.text(language: .zh, listRecords: true).contains("\n造成差异的记录（2 条）：\n"))
        #expect(report.text(language: .zh, listRecords: true).contains(
            "  仅cn  订单 shopify:#2001 打单 2026-10-31 20:05 Asia/Shanghai，扫描上网 2026-11-01 09:12 America/Los_Angeles → cn 计入 2026-10，us 计入 2026-11\n"
                + "      [发货口径不同] inbox/shopify/orders.csv:2"))
        // Padded by terminal columns: a Chinese character takes two.
        #expect(zh.contains("差异桥 cn → us，逐项原因：\n  cn                      4\n  发货口径不同  1 条  -1  3\n  缺少发货事件  1 条  -1  2\n  us                      2"))
        // JSON: the row, the four steps and both records, causes named beside their codes.
        let json = try JSONSerialization.jsonObject(with: Data(report.json(language: .en).utf8)) as! [String: Any]
        let steps = json["bridge"] as! [[String: Any]]
        #expect(steps.map { $0["cause"] as! String } == ["start", "shipped_event", "event_missing", "end"])
        #expect(steps.map { $0["cause_label"] as! String } == ["start", "different shipped event", "event not recorded yet", "end"])
        #expect(steps.compactMap { $0["effect"] as? Int } == [-1, -1] && (json["records"] as! [Any]).count == 2)
        #expect((json["reconciliation"] as! [String: Any])["delta"] as? Int == -2)
        let csv = report.csv(language: .en).split(separator: "\r\n")
        #expect(csv.first == "Metric,Grain,Period start,Scope type,Scope id,Profile a,Value a,Profile b,Value b,Value b in a,Delta,Record kind,Record id,In a,In b,Reasons,Explanation,Source file,Source line")
        #expect(csv.count == 3)
        // The pair is stored one way round; asking the other way says so.
        let reversed = ReconcileReport.Query(metric: "shipped_orders", pair: .init("us", "cn"), period: query.period)
        #expect(pipelineError { _ = try ReconcileReport.load(reversed, store: pipeline.store, detailGrains: [.month]) }?.message
                == "the store reconciles cn against us; ask for --profiles cn,us")
    }

    @Test(arguments: StoreBackend.available) func exportSpeaksBothTeamsLanguages(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try pipeline(ws).run()
        var zh = ""
        try TableExporter(format: .csv, language: .zh).export("fact_metric", from: try ws.pipeline().store) { zh += $0 }
        #expect(zh.hasPrefix("粒度,期间开始,期间结束,时区,范围类型,范围,指标,口径,口径版本,定义,数值,分子,分母,单位,币种,记录数,运行号\r\n"))
        #expect(zh.contains(",已发货订单数,cn,1,cn/v1 时区=Asia/Shanghai 发货口径=打单,4,"))
        var en = ""
        try TableExporter(format: .csv, language: .en).export("fact_metric", from: try ws.pipeline().store) { en += $0 }
        #expect(en.contains(",Shipped orders,us,1,us/v1 Time zone=America/Los_Angeles Shipped means=first carrier scan,2,"))
    }
}
