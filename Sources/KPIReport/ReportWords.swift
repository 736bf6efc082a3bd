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
    let freshness: String
    let lastRun: String
    let noRun: String
    let sources: String
    let connector: String
    let files: String
    let rowsLoaded: String
    let lastLoaded: String
    let quarantine: String
    let quarantineNone: String
    let noData: String
    let chartLabel: String

    init(_ language: DisplayLanguage) {
        func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
        self.language = language
        htmlLang = pick("en", "zh-CN")
        title = pick("KPI report", "KPI 绩效报告")
        definitions = pick("Definitions side by side", "对比的口径")
        summary = pick("Company summary", "公司概览")
        metric = pick("Metric", "指标")
        trends = pick("Trends", "趋势")
        scorecards = pick("Scorecards", "绩效考核")
        providers = pick("Service providers", "服务商")
        noTeam = pick("No team on the roster", "花名册未分组")
        total = pick("Total", "总分")
        grade = pick("Grade", "等级")
        veto = pick("Veto", "一票否决")
        noDataCards = pick("No data this period", "本期无数据")
        pacing = pick("Pacing", "进度预警")
        pacingNone = pick("No period of this grain is in progress, so there is nothing to pace.",
                          "当前没有进行中的同粒度期间，无需进度预警。")
        scope = pick("Who", "对象")
        reconciliation = pick("Where the teams' numbers differ", "两个团队的数字为何不同")
        reconciliationNone = pick("The teams' definitions give the same value for every reconciled metric this period.",
                                  "本期所有对账指标两边口径结果一致。")
        delta = pick("Delta", "差额")
        differOn = pick("Definitions differ on", "口径分歧")
        countedIn = pick("Counted in", "计入")
        reasons = pick("Why", "原因")
        source = pick("Source", "来源")
        freshness = pick("Data freshness", "数据新鲜度")
        lastRun = pick("Last run", "最近一次运行")
        noRun = pick("No run has finished on this store yet.", "此数据库尚无完成的运行。")
        sources = pick("Sources loaded", "已加载的数据源")
        connector = pick("Connector", "连接器")
        files = pick("Files", "文件数")
        rowsLoaded = pick("Rows loaded", "已加载行数")
        lastLoaded = pick("Last loaded", "最近加载")
        quarantine = pick("Quarantined rows", "隔离行")
        quarantineNone = pick("No row has been quarantined.", "没有被隔离的行。")
        noData = pick("no data", "无数据")
        chartLabel = pick("trend chart", "趋势图")
    }

    private func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    func heading(_ period: Period) -> String { "\(title) · \(period.label)" }

    func range(_ period: Period) -> String {
        pick("\(period.grain.rawValue) \(period.start) to \(period.end)", "\(grainName(period.grain)) \(period.start) 至 \(period.end)")
    }

    func grainName(_ grain: Grain) -> String {
        switch grain {
        case .day: pick("day", "日")
        case .week: pick("week", "周")
        case .month: pick("month", "月")
        case .quarter: pick("quarter", "季度")
        }
    }

    func groupSummary(cards: Int, mean: String, grades: String) -> String {
        pick("\(cards) card\(cards == 1 ? "" : "s") · mean total \(mean) · \(grades)", "\(cards) 人 · 平均总分 \(mean) · \(grades)")
    }

    func changeVs(_ previous: Period) -> String { pick("vs \(previous.label)", "较 \(previous.label)") }

    func trendsIntro(_ first: Period, _ last: Period) -> String {
        pick("Company level, \(first.label) to \(last.label); a gap is a period without data.",
             "公司层面，\(first.label) 至 \(last.label)；断开处表示该期无数据。")
    }

    func run(_ run: RunRecord) -> String {
        let finished = run.finishedAt ?? pick("not finished", "未完成")
        return pick("run #\(run.id) (\(run.command)) started \(run.startedAt), finished \(finished), \(run.status)",
                    "运行 #\(run.id) (\(run.command))，开始 \(run.startedAt)，结束 \(finished)，状态 \(run.status)")
    }

    func dataAsOf(_ run: RunRecord?) -> String {
        guard let run else { return noRun }
        return pick("Data as of run #\(run.id), finished \(run.finishedAt ?? run.startedAt)",
                    "数据截至运行 #\(run.id)，完成于 \(run.finishedAt ?? run.startedAt)")
    }

    func pacingIntro(_ period: Period, asOf: CivilDate, elapsed: String) -> String {
        pick("\(period.label) is in progress: as of \(asOf), \(elapsed) of the period has passed. "
             + "Projected = actual so far scaled to the whole period; on track under 16.5% short, behind to 33%, at risk beyond.",
             "\(period.label) 进行中：截至 \(asOf)，时间进度 \(elapsed)。预计值按时间进度折算到整期；差距低于 16.5% 为正常，33% 以内为落后，超过为高风险。")
    }

    func status(_ status: PacingFact.Status) -> String {
        switch status {
        case .onTrack: pick("on track", "正常")
        case .behind: pick("behind", "落后")
        case .atRisk: pick("at risk", "高风险")
        }
    }

    func side(inA: Bool, inB: Bool, _ a: String, _ b: String) -> String {
        switch (inA, inB) {
        case (true, true): pick("both, valued differently", "两边都计入，计值不同")
        case (true, false): ReconcileWords(language).only(a)
        default: ReconcileWords(language).only(b)
        }
    }

    func counts(_ fact: ReconciliationFact) -> String {
        ReconcileWords(language).counts(fact.profileA, fact.profileB, "\(fact.recordsOnlyA)", "\(fact.recordsOnlyB)",
                                        "\(fact.recordsDiffering)")
    }

    func topRecords(_ shown: Int, of total: Int) -> String {
        shown == total ? pick("Records behind the difference (\(total))", "造成差异的记录（\(total) 条）")
            : pick("Records behind the difference: the first \(shown) of \(total)", "造成差异的记录：前 \(shown) 条，共 \(total) 条")
    }

    func notKept(_ grain: Grain) -> String { ReconcileWords(language).notKept(grain.rawValue) }

    func quarantineSummary(_ total: Int, shown: Int) -> String {
        pick("\(total) rows set aside with file, line and reason" + (shown < total ? "; the first \(shown):" : ":"),
             "共 \(total) 行被隔离，附文件、行号和原因" + (shown < total ? "；前 \(shown) 行：" : "："))
    }

    var quarantinePointer: String {
        pick("Every quarantined row with its raw text: kpibridge export --table quarantine --format csv",
             "全部隔离行及原始内容：kpibridge export --table quarantine --format csv")
    }

    /// `rating:工作态度` → `工作态度 (rating)`; metrics by their display names.
    func line(_ name: String) -> String {
        if name.hasPrefix("rating:") {
            return String(name.dropFirst("rating:".count)) + pick(" (rating)", "（评分）")
        }
        return DisplayNames.metric(name, language)
    }
}
