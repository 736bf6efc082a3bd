import Foundation
import KPISchema
import Testing
@testable import KPIReport

/// The rendered report from a hand-built input: what a manager reads, that data cannot inject
/// markup, and that nothing is fetched when the file opens.
@Suite struct HTMLReportTests {
    static let october = Period(naming: "2026-10", grain: nil)!

    static func metric(_ name: String, _ profile: String, _ month: String, _ value: String, unit: String,
                       currency: String? = nil) -> FactMetric {
        let period = Period(naming: month, grain: nil)!
        return FactMetric(grain: .month, periodStart: period.start, periodEnd: period.end, timezone: "Asia/Shanghai",
                          scopeType: .company, scopeID: "all", metric: name, profile: profile, profileVersion: 1,
                          definition: "\(profile)/v1", value: Decimal(string: value)!, numerator: nil, denominator: nil, unit: unit, currency: currency,
                          recordCount: 1)
    }

    static func line(_ id: String, _ name: String, _ line: String, target: String?, actual: String?, achievement: String?,
                     weight: Decimal, effective: Decimal? = nil, points: String?, total: String, grade: String,
                     veto: String? = nil, note: String? = nil) -> ScoreFact {
        ScoreFact(grain: .month, periodStart: october.start, periodEnd: october.end, scopeType: .employee, scopeID: id,
                  name: name, role: "平台运营", scorecard: "platform_ops", line: line,
                  target: target.flatMap { Decimal(string: $0) }, actual: actual.flatMap { Decimal(string: $0) },
                  achievement: achievement.flatMap { Decimal(string: $0) }, weight: weight,
                  effectiveWeight: effective ?? weight, points: points.flatMap { Decimal(string: $0) },
                  total: Decimal(string: total), grade: grade, veto: veto.map { Bilingual($0, $0) },
                  note: note.map { Bilingual($0, $0) })
    }

    static func input(_ language: DisplayLanguage = .en) -> ReportInput {
        let hostile = "<script>alert('x')</script> & \"co\""
        return ReportInput(
            period: october, language: language,
            profiles: [.init(name: "cn", description: "China team"), .init(name: "us", description: "US team")],
            metrics: [
                metric("gmv", "cn", "2026-09", "74019.53", unit: "currency", currency: "CNY"),
                metric("gmv", "cn", "2026-10", "82609.1", unit: "currency", currency: "CNY"),
                metric("gmv", "us", "2026-10", "10685", unit: "currency", currency: "USD"),
                metric("refund_rate", "cn", "2026-09", "0.091667", unit: "ratio"),
                metric("refund_rate", "cn", "2026-10", "0.089552", unit: "ratio"),
            ],
            scores: [
                line("E001", hostile, "aov", target: "210", actual: "193.56", achievement: "0.9217", weight: 20, effective: Decimal(string: "33.3333"),
                     points: "30.72", total: "0", grade: "VETO", veto: "V2026-007 false_advertising <b>loud</b>"),
                line("E001", hostile, "total", target: nil, actual: nil, achievement: nil, weight: 100, points: "0",
                     total: "0", grade: "VETO", veto: "V2026-007 false_advertising <b>loud</b>"),
                line("E005", "Quiet Person", "total", target: nil, actual: nil, achievement: nil, weight: 100, points: nil,
                     total: "0", grade: "NO_DATA"),
            ],
            names: ["E001": hostile], teams: ["E001": "一组"],
            freshness: Freshness(lastRun: RunRecord(id: 7, command: "run", startedAt: "2026-11-02T02:30:00Z",
                                                finishedAt: "2026-11-02T02:31:10Z", status: "ok"),
                                 sources: [.init(connector: "amazon.all_orders", files: 2, rowsLoaded: 1301, rowsQuarantined: 1,
                                                 lastLoadedAt: "2026-11-02T02:30:40Z")],
                                 quarantined: [.init(id: 1, file: "inbox/a.txt", line: 14, column: 3, reason: Bilingual("price `19.9O` is not a number", "price `19.9O` 不是数字"))],
                                 quarantinedTotal: 4))
    }

    @Test func dataIsEscapedAndNothingIsFetched() {
        let html = HTMLReport.render(Self.input())
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        #expect(html.contains("V2026-007 false_advertising &lt;b&gt;loud&lt;/b&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        // Self-contained: no external stylesheet, script, image or font; the only URL is SVG's namespace.
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        let urls = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        #expect(urls == namespaces)
    }

    @Test func summaryShowsBothProfilesAndTheChange() {
        let html = HTMLReport.render(Self.input())
        // 82,609.10 vs 74,019.53: +11.6 %, higher is better. Refund rate 9.1667 % → 8.9552 %: −0.2 points,
        // lower is better. us has no September, so no change.
        #expect(html.contains("<td class=\"num\">82,609.10 CNY</td><td class=\"num change better\">+11.6%</td>"))
        #expect(html.contains("<td class=\"num\">10,685.00 USD</td><td class=\"num change \"></td>"))
        #expect(html.contains("<td class=\"num\">9.0%</td><td class=\"num change better\">−0.2 pp</td>"))
        #expect(html.contains("<th class=\"num\">vs 2026-09</th>"))
        // A metric with no value under any profile is not listed.
        #expect(!html.contains("<code>orders</code>"))
    }

    @Test func scorecardShowsVetoBarsAndQuietCards() {
        let html = HTMLReport.render(Self.input())
        #expect(html.contains("<article class=\"card vetoed\">"))
        #expect(html.contains("<span class=\"badge grade-VETO\" title=\"Grade\">VETO</span>"))
        // Achievement 0.9217 on a track ending at 1.2: 0.9217 / 1.2 = 76.81 % of the bar.
        #expect(html.contains("<span class=\"short\" style=\"width: 76.8%\"></span>"))
        #expect(html.contains("<td class=\"num\">20 → 33.33</td>"))
        #expect(html.contains("<td class=\"num\">193.56</td>"))
        #expect(html.contains("<h3>一组 <span class=\"muted group-summary\">1 card · mean total 0 · VETO 1</span></h3>"))
        #expect(html.contains("No data this period: Quiet Person (E005)"))
        #expect(!html.contains("grade-NO_DATA"))
    }

    @Test func freshnessPointsAtTheQuarantineTable() {
        let html = HTMLReport.render(Self.input())
        #expect(html.contains("run #7 (run) started 2026-11-02T02:30:00Z, finished 2026-11-02T02:31:10Z, ok"))
        #expect(html.contains("<td class=\"num\">1,301</td>"))
        #expect(html.contains("4 rows set aside with file, line and reason; the first 1:"))
        #expect(html.contains("<code>inbox/a.txt:14:3</code></td><td>price `19.9O` is not a number</td>"))
        #expect(html.contains("kpibridge export --table quarantine --format csv"))
        #expect(html.contains("No period of this grain is in progress"))
        // In Chinese the reason is the stored Chinese one; a row from before reason_zh has only English,
        // which the page marks as such.
        var input = Self.input(.zh)
        #expect(HTMLReport.render(input).contains("<code>inbox/a.txt:14:3</code></td><td>price `19.9O` 不是数字</td>"))
        input.freshness.quarantined[0].reason = Bilingual("price `19.9O` is not a number", "price `19.9O` is not a number")
        #expect(HTMLReport.render(input).contains("<code>inbox/a.txt:14:3</code></td><td lang=\"en\">price `19.9O` is not a number</td>"))
    }

    /// A line the curve's cap cut says how far past it the actual went; a period not over when the data was
    /// read is starred on the axis, drawn hollow and explained.
    @Test func aCappedLineAndAPartialPeriodAreMarked() {
        var input = Self.input()
        var capped = Self.line("E002", "Capped Person", "gmv", target: "100", actual: "135", achievement: "1.2", weight: 100,
                               points: "120", total: "120", grade: "S")
        capped.achievementUncapped = Decimal(string: "1.35")
        input.scores += [capped, Self.line("E002", "Capped Person", "total", target: nil, actual: nil, achievement: nil, weight: 100,
                                           points: "120", total: "120", grade: "S")]
        input.readOn = CivilDate(iso: "2026-10-20")
        let html = HTMLReport.render(input)
        #expect(html.contains("<span class=\"muted\">120.0% (capped; 135.0%)</span>"))
        #expect(html.contains(">2026-10*</text>"))
        #expect(html.contains("<circle class=\"s0 partial\""))
        #expect(html.contains("* marks a period not over when the data was read (2026-10-20): its hollow points are partial."))
        // Read after October ended, nothing is partial.
        input.readOn = CivilDate(iso: "2026-11-01")
        let later = HTMLReport.render(input)
        #expect(!later.contains("s0 partial") && !later.contains("2026-10*") && !later.contains("* marks"))
        input.language = .zh
        input.readOn = CivilDate(iso: "2026-10-20")
        #expect(HTMLReport.render(input).contains("120.0%（封顶；原 135.0%）"))
    }

    @Test func chineseReportAndSameBytesTwice() {
        let zh = HTMLReport.render(Self.input(.zh))
        #expect(zh.contains("<html lang=\"zh-CN\">"))
        #expect(zh.contains("<h1>KPI 绩效报告 · 2026-10</h1>"))
        #expect(zh.contains("销售额 <code>gmv</code>"))
        #expect(zh.contains("<th class=\"num\">较 2026-09</th>"))
        #expect(zh.contains("本期无数据：Quiet Person (E005)"))
        #expect(HTMLReport.render(Self.input(.zh)) == zh)
    }
}
