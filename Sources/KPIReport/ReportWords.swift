import Foundation
import KPISchema

/// The report's fixed phrases in one language.
///
/// Stored properties, not computed ones, because the template reads them through reflection
/// (`{{words.summary}}`); sentences with numbers in them are functions the page builder calls.
struct ReportWords: Sendable {
    let language: DisplayLanguage
    let htmlLang: String
    let title: String
    let definitions: String
    let summary: String
    let metric: String
    let trends: String
    let scorecards: String
    let providers: String
    /// A provider card's role (the roster's `provider`).
    let provider: String
    let noTeam: String
    let total: String
    let grade: String
    let veto: String
    let noDataCards: String
    let pacing: String
    let pacingNone: String
    let scope: String
    let reconciliation: String
    let reconciliationNone: String
    let delta: String
    let differOn: String
    let countedIn: String
    let reasons: String
    let source: String
    let bridges: String
    let bridgeStep: String
    let bridgeRecords: String
    let bridgeEffect: String
    let bridgeRunning: String
    let bridgeRecordsHeading: String
    let metricsTouched: String
    let freshness: String
    let lastRun: String
    /// After a label: `: ` in English, `：` in Chinese.
    let colon: String
    let noRun: String
    let sources: String
    let connector: String
    let files: String
    let rowsLoaded: String
    let lastLoaded: String
    let dataThrough: String
    let quarantine: String
    let quarantineNone: String
    let noData: String
    let chartLabel: String

    init(_ language: DisplayLanguage) {
        self.language = language
        htmlLang = language.pick("en", "zh-CN")
        title = language.pick("KPI report", "KPI 绩效报告")
        definitions = language.pick("Definitions side by side", "对比的口径")
        summary = language.pick("Company summary", "公司概览")
        metric = language.pick("Metric", "指标")
        trends = language.pick("Trends", "趋势")
        scorecards = language.pick("Scorecards", "绩效考核")
        providers = language.pick("Service providers", "服务商")
        provider = language.pick("provider", "服务商")
        noTeam = language.pick("No team on the roster", "花名册未分组")
        total = language.pick("Total", "总分")
        grade = language.pick("Grade", "等级")
        veto = language.pick("Veto", "一票否决")
        noDataCards = language.pick("No data this period", "本期无数据")
        pacing = language.pick("Pacing", "进度预警")
        pacingNone = language.pick("No period of this grain is in progress, so there is nothing to pace.",
                          "当前没有进行中的同粒度期间，无需进度预警。")
        scope = language.pick("Who", "对象")
        reconciliation = language.pick("Where the teams' numbers differ", "两个团队的数字为何不同")
        reconciliationNone = language.pick("The teams' definitions give the same value for every reconciled metric this period.",
                                  "本期所有对账指标两边口径结果一致。")
        delta = language.pick("Delta", "差额")
        differOn = language.pick("Definitions differ on", "口径分歧")
        countedIn = language.pick("Counted in", "计入")
        metricsTouched = language.pick("Metrics it moves", "影响的指标")
        reasons = language.pick("Why", "原因")
        source = language.pick("Source", "来源")
        bridges = language.pick("From one team's number to the other's, cause by cause: each bar is the records one reason "
                                + "makes count differently, and the bars add up to the difference.",
                                "从一个团队的数字走到另一个团队的数字：每根柱子是同一原因造成计入不同的记录，各柱之和即差额。")
        bridgeStep = language.pick("Step", "步骤")
        bridgeRecords = language.pick("Records", "记录数")
        bridgeEffect = language.pick("Effect", "影响")
        bridgeRunning = language.pick("Running value", "累计值")
        bridgeRecordsHeading = language.pick("Each metric on which the teams differ", "两队口径不同的各项指标")
        freshness = language.pick("Data freshness", "数据新鲜度")
        lastRun = language.pick("Last run", "最近一次运行")
        colon = language.pick(": ", "：")
        noRun = language.pick("No run has finished on this store yet.", "此数据库尚无完成的运行。")
        sources = language.pick("Sources loaded", "已加载的数据源")
        connector = language.pick("Connector", "连接器")
        files = language.pick("Files", "文件数")
        rowsLoaded = language.pick("Rows loaded", "已加载行数")
        lastLoaded = language.pick("Last loaded", "最近加载")
        dataThrough = language.pick("Data through", "数据截至")
        quarantine = language.pick("Quarantined rows", "隔离行")
        quarantineNone = language.pick("No row has been quarantined.", "没有被隔离的行。")
        noData = language.pick("no data", "无数据")
        chartLabel = language.pick("trend chart", "趋势图")
    }

    func heading(_ period: Period) -> String { "\(title) · \(period.label)" }

    func range(_ period: Period) -> String {
        language.pick("\(period.grain.rawValue) \(period.start) to \(period.end)", "\(grainName(period.grain)) \(period.start) 至 \(period.end)")
    }

    func grainName(_ grain: Grain) -> String {
        switch grain {
        case .day: language.pick("day", "日")
        case .week: language.pick("week", "周")
        case .month: language.pick("month", "月")
        case .quarter: language.pick("quarter", "季度")
        }
    }

    /// A card's bonus coefficient beside its grade.
    func bonus(_ coefficient: String) -> String { language.pick("bonus ×\(coefficient)", "奖金系数 ×\(coefficient)") }

    func groupSummary(cards: Int, mean: String, grades: String) -> String {
        language.pick("\(cards) card\(cards == 1 ? "" : "s") · mean total \(mean) · \(grades)", "\(cards) 人 · 平均总分 \(mean) · \(grades)")
    }

    func changeVs(_ previous: Period) -> String { language.pick("vs \(previous.label)", "较 \(previous.label)") }

    /// What follows an achievement the curve's cap cut: ` (capped; 135.2%)`.
    func capped(_ uncapped: Decimal) -> String {
        language.pick(" (capped; \(NumberText.percent(uncapped)))", "（封顶；原 \(NumberText.percent(uncapped))）")
    }

    /// `partialOn`: the day the data was read, when some charted period was not over by then.
    func trendsIntro(_ first: Period, _ last: Period, partialOn: CivilDate? = nil) -> String {
        let partial = partialOn.map {
            language.pick(" * marks a period not over when the data was read (\($0)): its hollow points are partial.",
                          "* 表示读取数据时（\($0)）尚未结束的期间：空心点为不完整数据。")
        } ?? ""
        return language.pick("Company level, \(first.label) to \(last.label); a gap is a period without data.",
                             "公司层面，\(first.label) 至 \(last.label)；断开处表示该期无数据。") + partial
    }

    func run(_ run: RunRecord) -> String {
        let finished = run.finishedAt ?? language.pick("not finished", "未完成")
        return language.pick("run #\(run.id) (\(run.command)) started \(run.startedAt), finished \(finished), \(run.status)",
                    "运行 #\(run.id) (\(run.command))，开始 \(run.startedAt)，结束 \(finished)，状态 \(DisplayNames.runStatus(run.status, .zh))")
    }

    func dataAsOf(_ run: RunRecord?) -> String {
        guard let run else { return noRun }
        return language.pick("Data as of run #\(run.id), finished \(run.finishedAt ?? run.startedAt)",
                    "数据截至运行 #\(run.id)，完成于 \(run.finishedAt ?? run.startedAt)")
    }

    func pacingIntro(_ period: Period, asOf: CivilDate, elapsed: String) -> String {
        language.pick("\(period.label) is in progress: as of \(asOf), \(elapsed) of the period has passed. "
             + "Projected = actual so far scaled to the whole period; on track under 16.5% short, behind to 33%, at risk beyond.",
             "\(period.label) 进行中：截至 \(asOf)，时间进度 \(elapsed)。预计值按时间进度折算到整期；差距低于 16.5% 为正常，33% 以内为落后，超过为高风险。")
    }

    func status(_ status: PacingFact.Status) -> String {
        switch status {
        case .onTrack: language.pick("on track", "正常")
        case .behind: language.pick("behind", "落后")
        case .atRisk: language.pick("at risk", "高风险")
        }
    }

    func side(inA: Bool, inB: Bool, _ a: String, _ b: String) -> String {
        switch (inA, inB) {
        case (true, true): language.pick("both, valued differently", "两边都计入，计值不同")
        case (true, false): ReconcileWords(language).only(a)
        default: ReconcileWords(language).only(b)
        }
    }

    /// `GMV: cn 82,609.39 CNY → us 75,877.12 CNY (us's USD at each record's own day's rate)`.
    func bridgeTitle(_ metric: String, _ a: String, _ start: String, _ b: String, _ end: String, convertedFrom: String?) -> String {
        let converted = convertedFrom.map { language.pick(" (\(b)'s \($0) at each record's own day's rate)", "（\(b)的\($0)按每条记录当日汇率折算）") }
        return "\(metric): \(a) \(start) → \(b) \(end)" + (converted ?? "")
    }

    func bridgeAria(_ metric: String, _ a: String, _ b: String) -> String {
        language.pick("Waterfall of \(metric) from \(a) to \(b)", "\(metric)从\(a)到\(b)的差异瀑布图")
    }

    func counts(_ fact: ReconciliationFact) -> String {
        ReconcileWords(language).counts(fact.profileA, fact.profileB, "\(fact.recordsOnlyA)", "\(fact.recordsOnlyB)",
                                        "\(fact.recordsDiffering)")
    }

    /// The records section's summary line (the `<details>` element opens on it).
    func recordsHeading(_ shown: Int, of total: Int) -> String {
        shown == total
            ? language.pick("The \(total) records behind these differences, each once with the metrics it moves",
                            "造成以上差异的 \(total) 条记录（每条一次，列出其影响的指标）")
            : language.pick("The records behind these differences, each once with the metrics it moves: the \(shown) of \(total) "
                            + "that move the most money", "造成以上差异的记录（每条一次，列出其影响的指标）：共 \(total) 条，列出影响金额最大的 \(shown) 条")
    }

    func moreRecords(_ count: Int) -> String {
        language.pick("\(count) more: kpibridge reconcile --metric METRIC --period PERIOD --records lists every record of a metric",
                      "另有 \(count) 条：kpibridge reconcile --metric 指标 --period 期间 --records 列出某一指标的全部记录")
    }

    func notKept(_ grain: Grain) -> String { ReconcileWords(language).notKept(grain.rawValue) }

    func quarantineSummary(_ total: Int, shown: Int) -> String {
        language.pick("\(total) rows set aside with file, line and reason" + (shown < total ? "; the first \(shown):" : ":"),
             "共 \(total) 行被隔离，附文件、行号和原因" + (shown < total ? "；前 \(shown) 行：" : "："))
    }

    var quarantinePointer: String {
        language.pick("Every quarantined row with its raw text: kpibridge export --table quarantine --format csv",
             "全部隔离行及原始内容：kpibridge export --table quarantine --format csv")
    }

    /// `rating:工作态度` → `工作态度 (rating)`; metrics by their display names.
    func line(_ name: String) -> String {
        if name.hasPrefix("rating:") {
            return String(name.dropFirst("rating:".count)) + language.pick(" (rating)", "（评分）")
        }
        return DisplayNames.metric(name, language)
    }
}
