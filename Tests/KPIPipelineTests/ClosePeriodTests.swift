import Foundation
import KPIFacts
import KPIPipeline
import KPISchema
import KPIStore
import KPIStoreTesting
import KPIText
import Testing

/// A closed month keeps its numbers: a late file changes nothing in it and is written down as restatements,
/// the quarter (not closed) takes the file, and reopening recomputes the month to the new values, on both
/// databases.
@Suite struct ClosePeriodTests {
    static let october = Period(grain: .month, start: CivilDate(iso: "2026-10-01")!, end: CivilDate(iso: "2026-10-31")!)

    /// One more eBay order of 20 October: one tent sold for $149.00, no shipping.
    static func lateFile(_ ws: TemporaryWorkspace) throws {
        let header = try String(contentsOf: ws.root.appendingPathComponent("inbox/ebay/eBay-OrdersReport-Oct-31-2026.csv"), encoding: .utf8)
            .split(separator: "\n").prefix(2).joined(separator: "\n")
        try ws.write("inbox/ebay/eBay-OrdersReport-late.csv", header + "\n"
                     + "1099,12-11874-99999,latebuyer,Late Buyer,286123456789,Ultralight Tent 2P,HB-TENT-2P,No,1,$149.00,$0.00,$149.00,"
                     + "PayPal,Oct-20-26,Oct-20-26,Oct-23-26,Oct-21-26,,2950111111999,\n")
    }

    @Test(arguments: StoreBackend.available) func aLateFileRestatesAClosedMonthAndReopeningRecomputesIt(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        let before = try RosterHistoryTests.facts(ws)
        let scoresBefore = try ws.export("fact_score").split(separator: "\r\n").filter { $0.hasPrefix("month,2026-10-01,") }

        let closed = try CloseJob(pipeline: ws.pipeline()).close(Self.october, by: "李经理")
        #expect(closed.closedNow && closed.by == "李经理" && closed.facts > 0)
        #expect(try CloseJob(pipeline: ws.pipeline()).close(Self.october, by: "李经理").closedNow == false)

        try Self.lateFile(ws)
        let report = try ws.pipeline().run()
        let restated = try #require(report.facts?.restated)
        #expect(restated > 0)
        let after = try RosterHistoryTests.facts(ws)
        // October stands as closed; the quarter, not closed, has the $149.00 order.
        let month = "month 2026-10-01 company:all gmv us", quarter = "quarter 2026-10-01 company:all gmv us"
        #expect(after[month] == before[month])
        #expect(after["month 2026-10-01 shop:ebay-homebase orders us"] == before["month 2026-10-01 shop:ebay-homebase orders us"])
        #expect(after[quarter] == before[quarter]! + 149)
        // Its scores too.
        #expect(try ws.export("fact_score").split(separator: "\r\n").filter { $0.hasPrefix("month,2026-10-01,") } == scoresBefore)
        // What the records would now give is written down, with why.
        let restatements = try ws.pipeline().store.restatements()
        #expect(restatements.count == restated)
        let gmv = try #require(restatements.first { $0.grain == .month && $0.scopeType == .company && $0.metric == "gmv" && $0.profile == "us" })
        #expect(gmv.closedValue == before[month] && gmv.currentValue == before[month]! + 149)
        #expect(gmv.cause == Bilingual("late file: inbox/ebay/eBay-OrdersReport-late.csv", "迟到的文件：inbox/ebay/eBay-OrdersReport-late.csv"))
        let orders = try #require(restatements.first { $0.grain == .month && $0.scopeID == "ebay-homebase" && $0.metric == "orders" && $0.profile == "us" })
        #expect(orders.currentValue == orders.closedValue! + 1)
        #expect(try ws.export("v_restatements").contains(",李经理,"))
        // The trace says which value stands.
        let trace = try TraceJob(pipeline: ws.pipeline()).run(FactTarget(metric: .gmv, profile: "us", period: Self.october, scopeType: .shop,
                                                                          scopeID: "ebay-homebase"))
        #expect(trace.text(.en).contains("2026-10 is closed (by 李经理, "))

        // Reopened: the month takes the order, nothing is left to restate, the close keeps why.
        let reopened = try CloseJob(pipeline: ws.pipeline()).reopen(Self.october, by: "李经理", reason: "eBay file arrived late")
        #expect(reopened.exitCode == 0)
        let recomputed = try RosterHistoryTests.facts(ws)
        #expect(recomputed[month] == before[month]! + 149)
        #expect(try ws.pipeline().store.restatements().isEmpty)
        #expect(try ws.pipeline().store.closedPeriods().isEmpty)
        #expect(try ws.export("period_closes").contains(",李经理,eBay file arrived late,"))
    }

    /// A roster edited after the close restates what the people's scopes now get, and says the roster did it; a
    /// file of October loaded again with a changed row restates as a correction naming the file.
    @Test(arguments: StoreBackend.available) func restatementsNameARosterChangeAndACorrection(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        _ = try CloseJob(pipeline: ws.pipeline()).close(Self.october, by: "李经理")
        // 林悦 (E009) gives up shopify-dtc: her October, closed, stays; the restatement says why.
        let roster = try String(contentsOf: ws.root.appendingPathComponent("inbox/team/roster.csv"), encoding: .utf8)
        try ws.write("inbox/team/roster.csv", roster.replacingOccurrences(of: "America/Los_Angeles,shopify-dtc,,,", with: "America/Los_Angeles,,,,"))
        _ = try ws.pipeline().run()
        let hers = try ws.pipeline().store.restatements().filter { $0.scopeID == "E009" && $0.grain == .month }
        #expect(!hers.isEmpty)
        #expect(hers.allSatisfy { $0.cause == Bilingual("roster change: the roster changed", "花名册变更：花名册有变化") && $0.currentValue == nil })

        // The eBay report of October exported again, one order's total corrected.
        let ebay = "inbox/ebay/eBay-OrdersReport-Oct-31-2026.csv"
        let text = try String(contentsOf: ws.root.appendingPathComponent(ebay), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains(",HB-TENT-2P,") && $0.contains("$149.00") })
        var changed = lines
        changed[row] = lines[row].replacingOccurrences(of: "$149.00", with: "$139.00")
        try ws.write(ebay, changed.joined(separator: "\n"))
        _ = try ws.pipeline().run()
        let shop = try #require(try ws.pipeline().store.restatements().first {
            $0.grain == .month && $0.scopeID == "ebay-homebase" && $0.metric == "gmv" && $0.profile == "us"
        })
        #expect(shop.currentValue == shop.closedValue! - 10)
        #expect(shop.cause == Bilingual("correction: \(ebay) loaded again with changes", "更正：\(ebay) 更改后重新加载"))
    }

    @Test func aPeriodUnderWayOrOneNeverClosedIsRefused() throws {
        let ws = try TemporaryWorkspace.sample()
        _ = try ws.pipeline().run()
        let future = Period(grain: .month, start: CivilDate(iso: "2099-01-01")!, end: CivilDate(iso: "2099-01-31")!)
        let early = pipelineError { _ = try CloseJob(pipeline: ws.pipeline()).close(future, by: nil) }
        #expect(early?.kind == .usage)
        #expect(early?.sentence.en == "2099-01 is not over yet in Asia/Shanghai (it ends 2099-01-31): close a period once it is past")
        let empty = Period(grain: .month, start: CivilDate(iso: "2025-01-01")!, end: CivilDate(iso: "2025-01-31")!)
        #expect(pipelineError { _ = try CloseJob(pipeline: ws.pipeline()).close(empty, by: nil) }?.sentence.en
                == "fact_metric holds nothing for 2025-01: there is nothing to close")
        #expect(pipelineError { _ = try CloseJob(pipeline: ws.pipeline()).reopen(Self.october, by: nil, reason: "typo") }?.sentence.zh
                == "2026-10 没有结账（`kpibridge status` 会列出已结账的周期）")
        #expect(pipelineError { _ = try CloseJob(pipeline: ws.pipeline()).reopen(Self.october, by: nil, reason: " ") }?.kind == .usage)
    }
}

/// `explain --provider`: the sample's 星河代运营 over its months climbs the whole ladder — August fails on-time
/// shipping (1 of 3 late) and stays on probation, September passes (on time, GMV up 21.9 %) into the pool,
/// October fails (GMV down 35.4 %, CSAT 0 of 1 rated good) into a warning, November fails again (2 of 3 late) and
/// is proposed for a downgrade, for a person to decide.
@Suite struct ProviderExplanationTests {
    @Test func aProviderClimbsTheLadderAndEachMonthShowsWhy() throws {
        let ws = try TemporaryWorkspace.sample()
        _ = try ws.pipeline().run()
        let october = Period(grain: .month, start: CivilDate(iso: "2026-10-01")!, end: CivilDate(iso: "2026-10-31")!)
        let explained = try ProviderExplanation.load(ws.pipeline(), provider: "P01", period: october)
        #expect(explained.text(.en) == """
            星河代运营 (P01) · provider · month 2026-10
              on_time_ship_rate ≥ 0.9 (us)          1 (1 record)  pass
              gmv_growth ≥ 0.15 (us)                -0.35426 (5 records)  FAIL
              csat ≥ 0.85 (us)                      0 (1 record)  FAIL
              result: fail · pool → warning (failing periods in a row 1, passing 0)
              ladder: 1 passing period(s) end probation; 1 failing → warning, 2 → downgraded, 3 → terminated (proposed); 1 passing → pool
            """)
        #expect(explained.text(.zh).contains("结果：未达标 · 合格池 → 警告（连续未达标 1 期，连续达标 0 期）"))
        let steps = try ws.export("provider_status").split(separator: "\r\n").dropFirst().map { row in
            row.split(separator: ",", omittingEmptySubsequences: false).prefix(7).joined(separator: ",")
        }
        #expect(steps == [
            "P01,month,2026-08-01,2026-08-31,probation,probation,fail",
            "P01,month,2026-09-01,2026-09-30,probation,pool,pass",
            "P01,month,2026-10-01,2026-10-31,pool,warning,fail",
            "P01,month,2026-11-01,2026-11-30,warning,downgraded,fail",
        ])
        let november = Period(grain: .month, start: CivilDate(iso: "2026-11-01")!, end: CivilDate(iso: "2026-11-30")!)
        let downgraded = try ProviderExplanation.load(ws.pipeline(), provider: "P01", period: november).text(.en)
        #expect(downgraded.contains("  on_time_ship_rate ≥ 0.9 (us)          0.333333 (3 records)  FAIL\n"))
        #expect(downgraded.contains("  result: fail · warning → downgraded (failing periods in a row 2, passing 0)\n"))
        #expect(downgraded.contains("needs review: downgrade proposed after 2 failing periods; a person decides"))
        #expect(pipelineError { _ = try ProviderExplanation.load(ws.pipeline(), provider: "P09", period: october) }?.sentence.en
                == "provider_status has no 2026-10 row for `P09`; providers rated: P01")
    }
}

/// 360 ratings on the store: several raters of one criterion and month are each kept (the rater is part of
/// the key), and a store from before keeps its ratings, each under its rater, on both databases.
@Suite struct RaterKeyTests {
    @Test(arguments: StoreBackend.available) func everyRaterOfAMonthIsKeptAndAnUpgradeKeepsTheRatings(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        try ws.write("inbox/team/ratings_360_202610.csv", """
            工号,月份,考核项,得分,满分,评分人,评分人角色,备注
            E007,2026-10,团队协作,9,10,李经理,主管,
            E007,2026-10,团队协作,7,10,Mike,同事,
            E007,2026-10,团队协作,8,10,Lily,跨部门,

            """)
        _ = try ws.pipeline().run()
        let ratings = try ws.export("manual_ratings")
        for (rater, role) in [("李经理", "lead"), ("Mike", "peer"), ("Lily", "cross_team")] {
            #expect(ratings.contains("\r\nE007,2026-10,团队协作,") && ratings.contains(",\(rater),,\(role),"), "\(rater)")
        }
        #expect(ratings.split(separator: "\r\n").count == 1 + 9 + 3)

        // Back to the store as v25 left it: keyed without the rater, no rater_role, v26 not applied.
        let sql = try #require(try ws.pipeline().store as? any SQLStore)
        let v26 = "v26: several raters of one criterion (manual_ratings keyed by rater too; rater_role for 360 weights)"
        try sql.write { session in
            _ = try session.execute("DELETE FROM manual_ratings WHERE source_file = 'inbox/team/ratings_360_202610.csv'", [])
            if backend == .sqlite {
                _ = try session.execute("ALTER TABLE manual_ratings RENAME TO manual_ratings_now", [])
                let old = FlatTableLayout(.manualRating).columns.filter { $0 != "rater_role" }.joined(separator: ", ")
                _ = try session.execute("CREATE TABLE manual_ratings AS SELECT \(old) FROM manual_ratings_now", [])
                _ = try session.execute("DROP TABLE manual_ratings_now", [])
                _ = try session.execute("DELETE FROM grdb_migrations WHERE identifier = ?", [.text(v26)])
            } else {
                _ = try session.execute("ALTER TABLE manual_ratings DROP CONSTRAINT manual_ratings_pkey", [])
                _ = try session.execute("ALTER TABLE manual_ratings ADD PRIMARY KEY (employee_id, period, criterion)", [])
                _ = try session.execute("ALTER TABLE manual_ratings ALTER COLUMN rater DROP NOT NULL", [])
                _ = try session.execute("ALTER TABLE manual_ratings DROP COLUMN rater_role", [])
                _ = try session.execute("DELETE FROM kpibridge_schema WHERE migration = ?", [.text(v26)])
            }
        }
        let before = try ws.export("manual_ratings")
        // Opening it upgrades it: the same ratings; then two raters of one month both stay.
        _ = try ws.pipeline()
        #expect(try ws.export("manual_ratings") == before)
        try ws.write("inbox/team/ratings_360_202610_b.csv", """
            工号,月份,考核项,得分,满分,评分人,评分人角色,备注
            E007,2026-10,团队协作,9,10,李经理,主管,
            E007,2026-10,团队协作,7,10,Mike,同事,

            """)
        _ = try ws.pipeline().run()
        #expect(try ws.export("manual_ratings").split(separator: "\r\n").count == 1 + 9 + 2)
    }
}
