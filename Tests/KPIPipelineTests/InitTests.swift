import Foundation
import KPIPipeline
import KPIStoreTesting
import KPIWorkspace
import Testing

/// `kpibridge init` writes a workspace that validates and runs as written, asks for what it cannot know
/// (a currency, a zone) instead of guessing, and overwrites nothing.
@Suite struct InitTests {
    static let shops = ["amazon:amazon-us", "shopify:shopify-dtc", "tiktok:tiktok-us:USD", "walmart:walmart-us:America/Los_Angeles:USD"]

    static func initialize(_ ws: TemporaryWorkspace, _ entries: [String] = shops) throws -> InitJob.Outcome {
        try InitJob(directory: ws.path, shops: entries.map { try InitShop(parsing: $0) }, builtinConnectors: [shippedConnectors]).run()
    }

    @Test(arguments: StoreBackend.available)
    func anInitializedWorkspaceValidatesAndRunsOnAnEmptyInbox(backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(empty: backend)
        let outcome = try Self.initialize(ws)
        #expect(outcome.files == ["kpibridge.yaml", "definitions.yaml", "scorecards.yaml", "fx_rates.csv", "targets.csv",
                                  "templates/roster.csv", "templates/roster_en.csv", "templates/sku_costs.csv",
                                  "schedules/nightly.yaml"])
        for folder in ["inbox/amazon-us", "inbox/shopify-dtc", "inbox/tiktok-us", "inbox/walmart-us", "inbox/team"] {
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: ws.path + "/" + folder, isDirectory: &isFolder) && isFolder.boolValue, "\(folder)")
        }
        let config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        #expect(config.contains("""
              - connector: walmart.orders
                files: inbox/walmart-us/*
                shop: walmart-us
                # fresh_within: 36h   # 断更提醒 · once exports arrive daily: runs exit 4 when none came for this long
                currency: USD
            """))
        #expect(config.contains("    timezone: America/Los_Angeles   # the zone the export writes its times in\n"))
        let pipeline = try ws.pipeline()
        #expect(pipeline.workspace.config.sources.map(\.connector) == ["amazon.all_orders", "shopify.orders", "tiktok.orders", "walmart.orders"])
        #expect(try pipeline.validate().isEmpty)
        let report = try pipeline.run()
        #expect(report.problems.isEmpty)
        #expect(report.filesRead == 0 && report.factRows == 0)
        #expect(try ScheduleFile.loadAll(directory: ws.path + "/schedules", workspace: pipeline.workspace).map(\.name) == ["nightly"])
        // Both roster templates' columns are the roster connector's: filled in and dropped in, they are recognised,
        // and their roles have scorecards.
        let template = try String(contentsOfFile: ws.path + "/templates/roster.csv", encoding: .utf8)
        try ws.write("inbox/team/roster.csv", template + "E001,王芳,亚马逊一组,平台运营,白班,2024-03-01,,Asia/Shanghai,amazon-us,,,\n")
        let english = try String(contentsOfFile: ws.path + "/templates/roster_en.csv", encoding: .utf8)
        try ws.write("inbox/team/roster_us.csv", english + "U001,Lily Zhang,US Support,Support,Night,2026-09-15,,America/Los_Angeles,,,US Support,\n")
        let roster = try ws.pipeline().run()
        #expect(roster.files.map(\.connector) == ["team.roster", "team.roster"] && roster.rowsLoaded == 2 && roster.problems.isEmpty)
        #expect(try ws.pipeline().validate().isEmpty)
        // The cost template's columns are the cost connector's: filled in and dropped in, it is recognised.
        let costs = try String(contentsOfFile: ws.path + "/templates/sku_costs.csv", encoding: .utf8)
        try ws.write("inbox/team/成本表.csv", costs + "PC-1818-BEIGE,2026-08-01,17.20,2.10,CNY,绍兴纺织,\n")
        let costRun = try ws.pipeline().run()
        #expect(costRun.files.first { $0.file == "inbox/team/成本表.csv" }?.connector == "finance.sku_costs")
        #expect(costRun.rowsLoaded == 1 && costRun.problems.isEmpty)
        // The targets sheet's template takes a row for a person on the roster and a line of their card.
        let targets = try String(contentsOfFile: ws.path + "/targets.csv", encoding: .utf8)
        try ws.write("targets.csv", targets + "E001,王芳,,,aov,,2026-10,,260,\n")
        #expect(try ws.pipeline().validate().isEmpty)
        #expect(try ws.pipeline().workspace.scoring?.policy.targetSheet?.rows.map(\.origin) == ["targets.csv:2"])
    }

    /// One Shopify order of two items at 12.50 USD, bought 5 October 10:00 in Los Angeles (6 October 01:00 in
    /// Beijing): the US team's gmv is 25 USD at once; the China team's waits for the USD→CNY rate and is
    /// 25 × 7.10 = 177.50 CNY once the fx table has it.
    @Test func aOneFileInboxLoadsAndNamesTheRatesItNeeds() throws {
        let ws = try TemporaryWorkspace(empty: .sqlite)
        _ = try Self.initialize(ws, ["shopify:shopify-dtc"])
        try ws.write("inbox/shopify-dtc/orders_export.csv", """
            Name,Financial Status,Paid at,Fulfilled at,Cancelled at,Shipping,Taxes,Refunded Amount,Currency,Created at,Lineitem quantity,Lineitem price,Lineitem sku
            #77,paid,,,,,,,USD,2026-10-05 10:00:00 -0700,2,12.50,SKU1

            """)
        let first = try ws.pipeline().run()
        #expect(first.rowsLoaded == 1)
        #expect(first.problems.count == 1)
        #expect(first.problems.first?.contains("USD→CNY 2026-10-05…2026-10-06 (2 days)") == true)
        #expect(Self.gmv(try ws.export("fact_metric")) == ["2026-10-05 us": "25"])
        try ws.write("fx_rates.csv", "date,from,to,rate\n2026-10-05,USD,CNY,7.10\n")
        let second = try ws.pipeline().run()
        #expect(second.problems.isEmpty)
        #expect(Self.gmv(try ws.export("fact_metric")) == ["2026-10-05 us": "25", "2026-10-06 cn": "177.5"])
    }

    /// Company gmv by day: `period_start profile` → value.
    static func gmv(_ csv: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in csv.split(separator: "\r\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "day", c[4] == "company", c[6] == "gmv" { out["\(c[1]) \(c[7])"] = c[10] }
        }
        return out
    }

    @Test(arguments: [
        ("tiktok:tiktok-us", "--shops tiktok-us: TikTok Shop orders export, US date style (CSV) names no currency; add the one the shop sells in, e.g. tiktok:tiktok-us:USD"),
        ("walmart:walmart-us:USD", "--shops walmart-us: Walmart order report (XLSX or CSV) writes times without a zone; add the one it writes in, e.g. walmart:walmart-us:USD:America/Los_Angeles"),
        ("etsy:etsy-1", "--shops `etsy:etsy-1`: `etsy` is not a platform kpibridge knows (amazon, ebay, shopify, tiktok, walmart) or a connector id (`kpibridge connectors list`)"),
        ("amazon:amazon us", "--shops `amazon:amazon us`: the shop `amazon us` names a folder and a scope: use letters, digits, - and _"),
        ("amazon:a,shopify:a", "--shops names `a` twice"),
        ("amazon:team", "--shops `amazon:team`: `team` cannot name a shop (a folder of the inbox or a YAML word); choose another, like amazon-team"),
        ("fx.rates:rates", "--shops: `fx.rates` does not read one platform's orders; init writes a source per shop's order export (add other sources to kpibridge.yaml afterwards)"),
        ("amazon:amazon-us:usd", "--shops `amazon:amazon-us:usd`: `usd` is neither a currency code (USD) nor a zone name (America/Los_Angeles); write PLATFORM:SHOP[:CURRENCY][:ZONE], e.g. amazon:amazon-us or walmart:walmart-us:USD:America/Los_Angeles"),
    ])
    func initAsksForWhatItCannotKnow(entries: String, message: String) throws {
        let ws = try TemporaryWorkspace(empty: .sqlite)
        let error = pipelineError { _ = try Self.initialize(ws, entries.split(separator: ",").map(String.init)) }
        #expect(error?.kind == .usage)
        #expect(error?.message == message)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.path).isEmpty)
    }

    @Test func aZoneIsReadBeforeACurrency() throws {
        let shop = try InitShop(parsing: "walmart:walmart-us:UTC:USD")
        #expect(shop == InitShop(connector: "walmart.orders", shop: "walmart-us", currency: "USD", timezone: "UTC", entry: "walmart:walmart-us:UTC:USD"))
    }

    @Test func initOverwritesNothing() throws {
        let ws = try TemporaryWorkspace(empty: .sqlite)
        try ws.write("scorecards.yaml", "# ours\n")
        let error = pipelineError { _ = try Self.initialize(ws) }
        #expect(error?.message == "\(ws.path)/scorecards.yaml already exists; init writes a new workspace and overwrites nothing (choose an empty folder, or edit the existing files)")
        #expect(try String(contentsOfFile: ws.path + "/scorecards.yaml", encoding: .utf8) == "# ours\n")
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/kpibridge.yaml"))
    }
}
