import Foundation
import KPIPipeline
import KPIStore
import KPIStoreTesting
import Testing

/// The sample run with the roster changing under it: a hire credited from the hire date only, a transfer
/// that moves a person's later orders to the new team and leaves the months before alone, and a store
/// upgraded from the undated roster table, on both databases.
@Suite struct RosterHistoryTests {
    /// `fact_metric` as `grain start scope metric profile` → value.
    static func facts(_ ws: TemporaryWorkspace) throws -> [String: Decimal] {
        var out: [String: Decimal] = [:]
        for line in try ws.export("fact_metric").split(separator: "\r\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out["\(c[0]) \(c[1]) \(c[4]):\(c[5]) \(c[6]) \(c[7])"] = Decimal(string: c[10])
        }
        return out
    }

    /// The sum of a scope's day facts of `metric` in `profile` from `first` to `last` (ISO dates).
    static func days(_ facts: [String: Decimal], _ scope: String, _ metric: String, _ profile: String,
                     from first: String, through last: String) -> Decimal {
        facts.filter { key, _ in
            let p = key.split(separator: " ")
            return p[0] == "day" && p[2] == scope && p[3] == metric && p[4] == profile && String(p[1]) >= first && String(p[1]) <= last
        }.values.reduce(0, +)
    }

    static let rosterHeader = "工号,姓名,团队,岗位,班次,入职日期,时区,负责店铺,负责SKU,工单组,服务商\n"

    @Test(arguments: StoreBackend.available) func aNewHireIsCreditedFromTheHireDateOnly(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        // Hired on 20 October to run the Shopify store beside 林悦 (E009), who ran it all along.
        let roster = try String(contentsOf: ws.root.appendingPathComponent("inbox/team/roster.csv"), encoding: .utf8)
        try ws.write("inbox/team/roster.csv", roster + "E010,新人,独立站组,用户运营,白班,2026-10-20,America/Los_Angeles,shopify-dtc,,,\n")
        _ = try ws.pipeline().run()
        let facts = try Self.facts(ws)
        // Nothing before the hire: no September, no day before the 20th (the run once gave her September's GMV).
        #expect(facts.keys.filter { $0.contains(" employee:E010 ") && $0.contains(" 2026-09-") }.isEmpty)
        #expect(facts.keys.filter { $0.hasPrefix("day ") && $0.contains(" employee:E010 ") && $0.split(separator: " ")[1] < "2026-10-20" }
            .isEmpty)
        // From the 20th her orders are exactly 林悦's of the same days, in each team's day.
        for profile in ["cn", "us"] {
            let hers = try #require(facts["month 2026-10-01 employee:E010 orders \(profile)"])
            #expect(hers > 0)
            #expect(hers == Self.days(facts, "employee:E009", "orders", profile, from: "2026-10-20", through: "2026-10-31"))
        }
        // In dollars nothing is converted, so the days add up to the cent.
        #expect(facts["month 2026-10-01 employee:E010 gmv us"] == Self.days(facts, "employee:E009", "gmv", "us", from: "2026-10-20", through: "2026-10-31"))
    }

    @Test(arguments: StoreBackend.available) func aTransferMovesLaterOrdersAndLeavesEarlierMonths(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        let before = try Self.facts(ws)
        // The whole roster again as of 16 October: 王芳 (E001, alone in 亚马逊一组) now in 亚马逊二组.
        let roster = try String(contentsOf: ws.root.appendingPathComponent("inbox/team/roster.csv"), encoding: .utf8)
        let dated = roster.split(separator: "\n").enumerated().map { index, line in
            (index == 0 ? line + ",生效日期" : line.replacingOccurrences(of: "亚马逊一组", with: "亚马逊二组") + ",2026-10-16")
        }.joined(separator: "\n") + "\n"
        try ws.write("inbox/team/roster_20261016.csv", dated)
        _ = try ws.pipeline().run()
        let after = try Self.facts(ws)
        // gmv in dollars only: yuan are converted per cell and rounded, so days need not add up to the fen.
        for (profile, metrics) in [("cn", ["orders", "units"]), ("us", ["gmv", "orders", "units"])] {
            for metric in metrics {
                // Her own numbers are hers whatever her team.
                let mine = try #require(before["month 2026-10-01 employee:E001 \(metric) \(profile)"])
                #expect(after["month 2026-10-01 employee:E001 \(metric) \(profile)"] == mine)
                // October splits on the 16th between the old team and the new; September stays the old team's.
                let old = try #require(after["month 2026-10-01 team:亚马逊一组 \(metric) \(profile)"])
                let new = try #require(after["month 2026-10-01 team:亚马逊二组 \(metric) \(profile)"])
                #expect(old + new == mine)
                #expect(old == Self.days(before, "employee:E001", metric, profile, from: "2026-10-01", through: "2026-10-15"))
                #expect(after["month 2026-09-01 team:亚马逊一组 \(metric) \(profile)"]
                        == before["month 2026-09-01 team:亚马逊一组 \(metric) \(profile)"])
                #expect(after["month 2026-09-01 team:亚马逊二组 \(metric) \(profile)"] == nil)
            }
        }
        // Both snapshots are kept; `roster` shows each person's latest.
        let snapshots = try ws.export("roster_snapshots")
        #expect(snapshots.components(separatedBy: "\r\nE001,王芳,").count == 3)
        let latest = try ws.export("roster")
        #expect(latest.contains("\r\nE001,王芳,亚马逊二组,平台运营,"))
        #expect(latest.components(separatedBy: "\r\nE001,").count == 2)
    }

    @Test(arguments: StoreBackend.available) func anUpgradedStoreKeepsItsRosterAsUndatedRows(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        let roster = try ws.export("roster")
        // Back to the store as v22 left it: one `roster` table, no snapshots, v23 not applied.
        let sql = try #require(try ws.pipeline().store as? any SQLStore)
        let v23 = "v23: the roster over time (roster_snapshots by person and date; roster the latest row of each)"
        let columns = FlatTableLayout(.roster).columns.filter { $0 != "as_of" }.joined(separator: ", ")
        try sql.write { session in
            // PostgreSQL drops a view only after those reading it (it recreates them all on upgrade); SQLite
            // keeps views as text and reads them when used.
            for view in backend == .sqlite ? ["roster"] : ["v_kpi_daily", "v_kpi_monthly", "v_kpi_quarterly", "dim_employee", "roster"] {
                _ = try session.execute("DROP VIEW \(view)", [])
            }
            _ = try session.execute("CREATE TABLE roster AS SELECT \(columns) FROM roster_snapshots", [])
            _ = try session.execute("DROP TABLE roster_snapshots", [])
            _ = try session.execute(backend == .sqlite ? "DELETE FROM grdb_migrations WHERE identifier = ?"
                                                       : "DELETE FROM kpibridge_schema WHERE migration = ?", [.text(v23)])
        }
        #expect(try sql.read { try $0.count("SELECT count(*) FROM roster") } == 9)
        // Opening it again upgrades it: the same people, each now an undated snapshot row.
        _ = try ws.pipeline()
        #expect(try ws.export("roster") == roster)
        #expect(try sql.read { try $0.count("SELECT count(*) FROM roster_snapshots WHERE as_of = ''") } == 9)
    }

    @Test func validateNamesWhoADatedRosterDropsWithoutALeaveDate() throws {
        let ws = try TemporaryWorkspace.sample()
        // A sheet of one office only, dated: everyone else would own nothing from its day.
        try ws.write("inbox/team/roster_20261016.csv", Self.rosterHeader.dropLast() + ",生效日期\n"
                     + "E001,王芳,亚马逊二组,平台运营,白班,2024-03-01,Asia/Shanghai,amazon-us,PC-1818-BEIGE;PC-1212-GREY,,,2026-10-16\n"
                     + "E002,Lily Zhang,US Support,客服,夜班,2026-09-15,America/Los_Angeles,,,US Support,,2026-10-16\n")
        let warnings = try ValidateJob(pipeline: ws.pipeline()).warnings.filter { $0.contains(" is not on the roster of ") }
        #expect(warnings.count == 7)
        #expect(warnings.contains("""
            inbox/team/roster.csv:10: E009 (林悦) is not on the roster of 2026-10-16 (inbox/team/roster_20261016.csv) and has no \
            leave date: nothing is credited to them from 2026-10-16. If they left, give their leave date (离职日期); if that \
            roster is only part of the team, list everyone in it
            """))
        #expect(try ValidateJob(pipeline: ws.pipeline()).warnings(.zh).contains { $0.hasPrefix(
            "inbox/team/roster.csv:10：E009（林悦）不在 2026-10-16 的花名册（inbox/team/roster_20261016.csv）中，也没有离职日期：从 2026-10-16 起") })
        // Who left says so: with a leave date before that day, E009 is not named.
        let roster = try String(contentsOf: ws.root.appendingPathComponent("inbox/team/roster.csv"), encoding: .utf8)
        try ws.write("inbox/team/roster.csv", roster.replacingOccurrences(of: "工号,姓名,团队,岗位,班次,入职日期,", with: "工号,姓名,团队,岗位,班次,入职日期,离职日期,")
            .split(separator: "\n").map { line in
                let c = line.split(separator: ",", omittingEmptySubsequences: false)
                guard c[0] != "工号" else { return String(line) }
                return (c[..<6] + [c[0] == "E009" ? "2026-10-10" : ""] + c[6...]).joined(separator: ",")
            }.joined(separator: "\n") + "\n")
        let after = try ValidateJob(pipeline: ws.pipeline()).warnings.filter { $0.contains(" is not on the roster of ") }
        #expect(after.count == 6 && !after.contains { $0.contains("E009") })
    }
}
