import Foundation
import KPIPipeline
import KPISchema
import KPIText
import Testing

@Suite struct BadInputTests {
    private func runsRecorded(_ ws: TemporaryWorkspace) throws -> Int {
        try ws.export("runs").split(separator: "\r\n").count - 1
    }

    @Test func unknownConnectorIsAUsageError() throws {
        let ws = try TemporaryWorkspace()
        let error = pipelineError { _ = try ws.pipeline().importFiles(connector: "amazon.allorders", files: [ws.path + "/inbox/amazon/orders.txt"]) }
        #expect(error?.kind == .usage)
        #expect(error?.message.hasPrefix("unknown connector `amazon.allorders`; did you mean `amazon.all_orders`?") == true)
        #expect(try runsRecorded(ws) == 0)
    }

    @Test func aFileNoConnectorFitsFailsAloneAndTheRestLoad() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("inbox/walmart/PO_report.csv", "PO#,Order#\n1,2\n")
        let report = try ws.pipeline().run()
        #expect(report.filesFailed == 1)
        #expect(report.failures.first?.hasPrefix("inbox/walmart/PO_report.csv: no connector fits its header; nearest: `walmart.orders` (") == true)
        #expect(report.text(language: .zh).contains("\n  失败     inbox/walmart/PO_report.csv：没有连接器符合它的表头；最接近的：`walmart.orders`（"))
        #expect(report.text(language: .zh).contains("\n" + String(repeating: " ", count: 13) + "请在 kpibridge.yaml 的 `sources:` 中为它指定连接器，或用 `kpibridge connectors detect` 检查\n"))
        #expect(report.filesRead == 4)
        #expect(try ws.export("runs").contains(",files failed,1,"))
        #expect(try ws.export("load_ledger").contains("PO_report") == false)
        // The run's stored message in both languages, as status and doctor show it.
        let run = try #require(try RunHistory.load(try ws.pipeline(), limit: 1).runs.first)
        #expect(run.message?.en.hasPrefix("inbox/walmart/PO_report.csv: no connector fits its header; nearest: `walmart.orders` (") == true)
        #expect(run.message?.zh.hasPrefix("inbox/walmart/PO_report.csv：没有连接器符合它的表头；最接近的：`walmart.orders`（") == true)
        let status = try RunHistory.load(try ws.pipeline(), limit: 1).text(language: .zh)
        #expect(status.contains("有文件失败：inbox/walmart/PO_report.csv：没有连接器符合它的表头"))
    }

    @Test func aMissingColumnNamesItAndNothingOfThatFileLoads() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("inbox/shopify/broken.csv", "Name,Financial Status,Paid at,Fulfilled at,Cancelled at,Currency,Shipping,Taxes,Refunded Amount,"
                     + "Created at,Lineitem qty,Lineitem price,Lineitem sku\n#9,,,,,USD,,,,2026-10-01 10:00:00 -0700,1,2.00,A\n")
        let report = try ws.pipeline().run()
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.hasPrefix("inbox/shopify/broken.csv: not a `shopify.orders` export: a column it reads is missing\n  - quantity: expected a column named `Lineitem quantity`; closest found: `Lineitem qty`") == true)
        #expect(report.text.contains("1 file failed and was not loaded"))
        let zh = report.text(language: .zh)
        #expect(zh.contains("\n  失败     inbox/shopify/broken.csv：不是 `shopify.orders` 的导出：缺少它读取的 1 列\n"
                            + "             - quantity：应有名为 `Lineitem quantity` 的列；最接近的是 `Lineitem qty`\n"))
        #expect(zh.contains("\n1 个文件失败，未加载；修正或移走后再运行（退出码 1）"))
        #expect(try ws.export("orders").contains("#9") == false)
        #expect(report.filesRead == 4)
    }

    @Test func aFileWithoutASourceIsRoutedByItsHeader() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("inbox/team/roster.csv", "工号,姓名,岗位,入职日期\nE9,李雷,客服,2026-10-01\n")
        let report = try ws.pipeline().run()
        let roster = report.files.first { $0.file == "inbox/team/roster.csv" }
        #expect(roster?.connector == "team.roster")
        #expect(roster?.routing == Bilingual("detected", "自动识别"))
        #expect(try ws.export("roster").contains("E9,李雷,,客服,,2026-10-01,"))
    }

    @Test func aBadStoreURLIsAUsageError() throws {
        let ws = try TemporaryWorkspace()
        let error = pipelineError { _ = try ws.pipeline(store: "mysql://root:hunter2@db/kpi") }
        #expect(error?.kind == .usage)
        #expect(error?.message.contains("expected `sqlite:PATH` or `postgres://user@host/db`") == true)
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test func configPathsCannotLeaveTheWorkspace() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("kpibridge.yaml", "fx_rates: ../../etc/passwd\nsources: []\n")
        let error = pipelineError { _ = try ws.pipeline() }
        #expect(error?.message.hasPrefix("fx_rates: `../../etc/passwd` leads outside the workspace") == true)
    }

    /// Every missing rate is named at once, with the fewest rows that cover them (a rate carries 7 days);
    /// the facts that need none are written, and gmv and aov wait where a record lacks its rate.
    @Test func aMissingFxRateHoldsBackOnlyTheMoneyItTouchesAndNamesEveryDay() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("fx_rates.csv", "date,from,to,rate\n2026-10-15,USD,CNY,7.20\n")
        let report = try ws.pipeline().run()
        #expect(report.problems == ["""
            no fx rate for 4 currency-days the records need: USD→CNY 2026-09-30…2026-10-31 (4 days); gmv and aov (and the gmv \
            growth that compares with them) are left out of the periods and scopes those records count in, and money is not reconciled, until the rates are there (every \
            other fact is written). Add these rows to the fx table (a rate carries forward 7 days), with RATE filled in:
              2026-09-30,USD,CNY,RATE
              2026-10-30,USD,CNY,RATE
            """])
        #expect(try ws.export("runs").contains(",rates missing,1,"))
        let waiting = try Self.facts(ws)
        // cn (CNY) has October's orders but not its gmv: orders of 1 and 31 October have no rate.
        #expect(waiting["month 2026-10-01 company:all orders cn"] != nil)
        #expect(waiting["month 2026-10-01 company:all gmv cn"] == nil)
        #expect(waiting["month 2026-10-01 company:all aov cn"] == nil)
        // 15 October's rate covers the 15th: that day's cn gmv is written; us (USD) needs no rate at all.
        #expect(waiting["day 2026-10-15 company:all gmv cn"] != nil)
        #expect(waiting["month 2026-10-01 company:all gmv us"] != nil)
        #expect(!(try ws.export("fact_reconciliation")).contains(",gmv,"))
        #expect(!(try ws.export("reconciliation_detail")).contains(",gmv,"))
        // Nothing new the next night: still waiting, still said, still exit 1 — the gap is not forgotten.
        let again = try ws.pipeline().run()
        #expect(again.problems == report.problems)
        #expect(try Self.facts(ws) == waiting)

        // The rates arrive: every fact written while waiting stays as it was, and the missing ones appear.
        try ws.write("fx_rates.csv", "date,from,to,rate\n2026-09-30,USD,CNY,7.10\n2026-10-15,USD,CNY,7.20\n2026-10-30,USD,CNY,7.30\n")
        let complete = try ws.pipeline().run()
        #expect(complete.problems.isEmpty)
        let all = try Self.facts(ws)
        for (key, value) in waiting { #expect(all[key] == value, "\(key)") }
        let added = Set(all.keys).subtracting(waiting.keys)
        // Only money arrives late: the currency metrics and the ratios built on them.
        let money = [" gmv ", " aov ", " gmv_growth ", " net_sales ", " cogs ", " gross_margin ", " ad_spend ", " ad_sales ",
                     " acos ", " roas ", " tacos "]
        #expect(!added.isEmpty && added.allSatisfy { key in money.contains { key.contains($0) } })
        #expect(added.contains("month 2026-10-01 company:all gmv cn"))
        #expect(try ws.export("fact_reconciliation").contains(",gmv,"))
    }

    /// While facts wait for rates, `score` leaves the cards as they are: a missing gmv would grade as "no data".
    @Test func scoringWaitsForTheRatesTheFactsWaitFor() throws {
        let ws = try TemporaryWorkspace.sample()
        let rates = try String(contentsOfFile: ws.path + "/fx_rates.csv", encoding: .utf8).split(separator: "\n")
        try ws.write("fx_rates.csv", rates.filter { !$0.hasPrefix("2026-10-1") && !$0.hasPrefix("2026-10-2") }
            .joined(separator: "\n") + "\n")
        let report = try ws.pipeline().run()
        #expect(report.problems.count == 1 && report.refresh?.scoring == nil)
        let error = pipelineError { _ = try ws.pipeline().score() }
        #expect(error?.message.hasPrefix("the last run held gmv and aov back for missing fx rates") == true)
    }

    /// A rate only reconciliation needs — us's sales in cn's currency on us's own day, 14 October in Los
    /// Angeles, which the fx table's 7-day carry from 30 September does not reach — holds back no fact: cn's
    /// gmv (15 October in Shanghai) is written, only money is not reconciled, and the run says exactly that.
    @Test func aRateOnlyReconciliationNeedsHoldsBackNoFact() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("inbox/amazon/orders_late.txt", """
            amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price
            112-0000012-0000012\t2026-10-15T02:00:00+00:00\t2026-10-15T02:00:00+00:00\tShipped\tP1\t1\tUSD\t10.00\t0.00\t0.00

            """)
        let report = try ws.pipeline().run()
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.contains("USD→CNY 2026-10-14; money is not reconciled until the rates are there (every fact is written).") == true)
        let facts = try Self.facts(ws)
        #expect(facts["day 2026-10-15 company:all gmv cn"] != nil && facts["month 2026-10-01 company:all gmv cn"] != nil)
        #expect(!(try ws.export("fact_reconciliation")).contains(",gmv,"))
    }

    /// `fact_metric` as `grain start scope metric profile` → value.
    private static func facts(_ ws: TemporaryWorkspace) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try ws.export("fact_metric").split(separator: "\r\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out["\(c[0]) \(c[1]) \(c[4]):\(c[5]) \(c[6]) \(c[7])"] = c[10]
        }
        return out
    }

    @Test func importAppliesCommandLineSettingsAndExportsNeutralizeFormulas() throws {
        let ws = try TemporaryWorkspace()
        let report = try ws.pipeline().importFiles(connector: "amazon.all_orders", files: [ws.path + "/inbox/amazon/orders.txt"],
                                                   shop: "=cmd|' /C calc'!A0")
        #expect(report.filesRead == 1)
        let orders = try ws.export("orders")
        #expect(orders.contains(",'=cmd|' /C calc'!A0,"))
        #expect(!orders.contains(",=cmd"))
    }
}

@Suite struct StoreLifecycleTests {
    @Test func anExportReplacesTheOldFileInOneStepAndTheLeftoverOfAKilledOne() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        let out = ws.path + "/orders.csv"
        try "old rows\n".write(toFile: out, atomically: false, encoding: .utf8)
        // What a SIGKILLed export leaves behind (Reliability/crash.py kills real ones).
        try "half a ro".write(toFile: out + ".partial", atomically: false, encoding: .utf8)
        try TableExporter(format: .csv).export("orders", from: try ws.pipeline().store, to: out)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try ws.export("orders")))
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    /// Each export writes its own partial file, so two exports to one path cannot write into each other's;
    /// partial files of processes that are gone are removed, one of a live process is left alone.
    @Test func partialFilesArePerProcessAndOnlyAbandonedOnesAreRemoved() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        let out = ws.path + "/orders.csv"
        let dead = out + ".partial-2147483646", live = out + ".partial-\(getppid())"
        for path in [dead, live] { try "half a ro".write(toFile: path, atomically: false, encoding: .utf8) }
        try TableExporter(format: .csv).export("orders", from: try ws.pipeline().store, to: out)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try ws.export("orders")))
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(!FileManager.default.fileExists(atPath: out + ".partial-\(getpid())"))
    }

    @Test func exportingBeforeAnyRunDoesNotCreateAnEmptyWarehouse() throws {
        let ws = try TemporaryWorkspace()
        let error = pipelineError { _ = try Pipeline(directory: ws.path, builtinConnectors: [shippedConnectors], access: .readOnly) }
        #expect(error?.kind == .failed)
        #expect(error?.message.hasSuffix("does not exist yet; run `kpibridge run` first") == true)
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/.kpibridge/warehouse.sqlite"))
    }

    /// A workspace whose inbox is one Amazon file of 1,000 rows.
    private func bigFileWorkspace() throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace()
        var rows = ["amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price"]
        for i in 0..<1_000 {
            rows.append("114-\(i)\t2026-10-01T00:00:00+00:00\t2026-10-01T00:00:00+00:00\tShipped\tS\t1\tUSD\t1.00\t0.00\t0.00")
        }
        try FileManager.default.removeItem(atPath: ws.path + "/inbox")
        try ws.write("inbox/amazon/big.txt", rows.joined(separator: "\n") + "\n")
        return ws
    }

    @Test func longFilesReportProgress() throws {
        let ws = try bigFileWorkspace()
        let lines = LineCollector()
        var pipeline = try ws.pipeline()
        pipeline.logger = LogFormat.text.logger { lines.append($0) }
        pipeline.progressInterval = 400
        let report = try pipeline.run()
        #expect(report.rowsLoaded == 1_000)
        #expect(lines.all.filter { $0.hasSuffix("rows…\n") } == ["  … inbox/amazon/big.txt: 400 rows…\n", "  … inbox/amazon/big.txt: 800 rows…\n"])
    }

    @Test func onATerminalRowCountsRedrawOneLine() throws {
        let ws = try bigFileWorkspace()
        let lines = LineCollector()
        var pipeline = try ws.pipeline()
        pipeline.logger = LogFormat.text.logger(terminal: true) { lines.append($0) }
        pipeline.progressInterval = 400
        _ = try pipeline.run()
        // Carriage return and erase-line, no newline: the next count (or event) overwrites it.
        #expect(lines.all.filter { $0.hasSuffix("rows…") } == ["\r\u{1B}[2K  … inbox/amazon/big.txt: 400 rows…",
                                                              "\r\u{1B}[2K  … inbox/amazon/big.txt: 800 rows…"])
        #expect(lines.all.last?.hasPrefix("\r\u{1B}[2K  … ") == true)
        #expect(lines.all.last?.hasSuffix("\n") == true)
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
