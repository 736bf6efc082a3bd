import Foundation
import KPIReport
import KPISchema
import KPIScoring
import KPIStore
import KPIWorkspace

/// `kpibridge report`: the manager's HTML report for one period, read from the store.
package struct ReportJob {
    package let pipeline: Pipeline
    package var period: Period
    package var language: DisplayLanguage

    package init(pipeline: Pipeline, period: Period, language: DisplayLanguage) {
        self.pipeline = pipeline
        self.period = period
        self.language = language
    }

    private var workspace: Workspace { pipeline.workspace }
    private var store: any WarehouseStore { pipeline.store }
    private var storeURL: StoreURL { pipeline.storeURL }

    /// Quarantined rows the report lists by name; the rest are counted and pointed to.
    package static let reportQuarantineRows = 10

    /// The report as one self-contained HTML file (see ``HTMLReport``).
    package func html() throws(PipelineError) -> String {
        HTMLReport.render(try input())
    }

    /// Reads what the report shows from the store: company facts over the trend window, the
    /// period's scores, reconciliation and its records, pacing of the period in progress, and freshness.
    package func input() throws(PipelineError) -> ReportInput {
        let file = workspace.definitions
        // Facts name profiles without versions; the header shows the version in force at the period's end.
        let profiles = file.definitions.names.map { name in
            let version = file.definitions.dated(name, on: period.end) ?? file.definitions.versions(of: name).first
            let label = version?.label ?? name
            return ReportInput.Profile(name: name, description: version?.description(in: language).map { "\(label) — \($0)" } ?? label)
        }
        var input = ReportInput(period: period, language: language, profiles: profiles,
                                detailKept: file.detailGrains.contains(period.grain))
        do {
            let window = Set(input.trendPeriods.map(\.start))
            let company = try store.factMetrics().filter { $0.scopeType == .company && $0.grain == period.grain }
            input.metrics = company.filter { window.contains($0.periodStart) }
            guard input.metrics.contains(where: { $0.periodStart == period.start }) else {
                throw PipelineError.failed(Self.nothingToReport(period, company: company))
            }
            try readScores(period, into: &input)
            try readReconciliation(period, into: &input)
            input.freshness = try freshness()
            if let read = try lastLoadStart() {
                input.readOn = file.definitions.names.compactMap { file.definitions.versions(of: $0).last?.zone.date(of: read) }.min()
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual("store \(storeURL): \(error)", "存储 \(storeURL)：\(error)"))
        }
        return input
    }

    private func readScores(_ period: Period, into input: inout ReportInput) throws {
        try store.scan(.factScore) { values in
            let row = StoredRow(.factScore, values)
            guard row.grain() == period.grain, row.date("period_start") == period.start, let fact = ScoreFact(row) else { return }
            input.scores.append(fact)
        }
        var pacing: [PacingFact] = []
        try store.scan(.factPacing) { values in
            if let fact = PacingFact(StoredRow(.factPacing, values)), fact.grain == period.grain { pacing.append(fact) }
        }
        // Only the latest period of the grain is in progress; older rows would be stale.
        let latest = pacing.map(\.periodStart).max()
        input.pacing = pacing.filter { $0.periodStart == latest }
        for employee in Roster(try ScoreRefresh.roster(store)).latest {
            input.names[employee.id] = employee.name
            if let team = employee.team { input.teams[employee.id] = team }
        }
        for fact in input.scores where input.names[fact.scopeID] == nil { input.names[fact.scopeID] = fact.name }
    }

    private func readReconciliation(_ period: Period, into input: inout ReportInput) throws {
        try store.scan(.factReconciliation) { values in
            let row = StoredRow(.factReconciliation, values)
            guard row.grain() == period.grain, row.date("period_start") == period.start, row.scope() == .company,
                  let fact = ReconciliationFact(row) else { return }
            input.reconciliation.append(fact)
        }
        guard input.detailKept else { return }
        try store.scan(.factReconciliationBridge) { values in
            let row = StoredRow(.factReconciliationBridge, values)
            guard row.grain() == period.grain, row.date("period_start") == period.start, row.scope() == .company,
                  let step = BridgeStep(row) else { return }
            input.bridge.append(step)
        }
        try store.scan(.reconciliationDetail) { values in
            let row = StoredRow(.reconciliationDetail, values)
            guard row.grain() == period.grain, row.date("period_start") == period.start,
                  let detail = ReconciliationDetail(row) else { return }
            input.details.append(detail)
        }
    }

    /// When the latest finished run that loaded files started: its files were read from then on, so a day
    /// not over at that moment may have more data coming. `score`, `retract` and `prune` read no files.
    private func lastLoadStart() throws -> Instant? {
        var latest: RunRecord?
        try store.scan(.runs) { values in
            guard let run = RunRecord(StoredRow(.runs, values)), run.finishedAt != nil,
                  run.command == "run" || run.command.hasPrefix("run ") || run.command.hasPrefix("import") else { return }
            latest = run
        }
        return latest.flatMap { Instant(iso8601: $0.startedAt) }
    }

    private func freshness() throws -> Freshness {
        var freshness = Freshness()
        try store.scan(.runs) { values in
            if let run = RunRecord(StoredRow(.runs, values)), run.finishedAt != nil { freshness.lastRun = run }
        }
        var sources: [String: Freshness.Source] = [:]
        try store.scan(.loadLedger) { values in
            let row = StoredRow(.loadLedger, values)
            let connector = row.string("connector")
            var source = sources[connector] ?? Freshness.Source(connector: connector, files: 0, rowsLoaded: 0,
                                                                 rowsQuarantined: 0, lastLoadedAt: "")
            source.files += 1
            source.rowsLoaded += row.int("rows_loaded") ?? 0
            source.rowsQuarantined += row.int("rows_quarantined") ?? 0
            source.lastLoadedAt = max(source.lastLoadedAt, row.string("loaded_at"))
            sources[connector] = source
        }
        // How far each source's data reaches, as a date in the first profile's zone (the report's clock).
        let zone = workspace.definitions.definitions.names.first.flatMap { workspace.definitions.definitions.versions(of: $0).last?.zone }
        for (connector, times) in try store.latestRecordTimes() where sources[connector] != nil {
            let days = times.compactMap { text in
                Instant(iso8601: text).map { instant in zone.map { $0.date(of: instant) } ?? instant.utcDate } ?? CivilDate(iso: text)
            }
            sources[connector]?.dataThrough = days.max()
        }
        freshness.zone = zone?.identifier
        freshness.sources = sources.keys.sorted().map { sources[$0]! }
        try store.scan(.quarantine) { values in
            let row = StoredRow(.quarantine, values)
            freshness.quarantinedTotal += 1
            guard freshness.quarantined.count < Self.reportQuarantineRows, let id = row.int("id") else { return }
            freshness.quarantined.append(Freshness.Quarantined(id: Int64(id), file: row.string("file"), line: row.int("line"),
                                                               column: row.int("column_number"),
                                                               reason: row.bilingual("reason") ?? .empty))
        }
        return freshness
    }

    /// Why there is no report: an empty store, or which periods of the grain do have data.
    private static func nothingToReport(_ period: Period, company: [FactMetric]) -> Bilingual {
        let periods = Set(company.map { Period(grain: $0.grain, start: $0.periodStart, end: $0.periodEnd).label })
        let grain = period.grain.rawValue, grainZh = DisplayNames.grain(grain, .zh)
        guard !periods.isEmpty else {
            return Bilingual("fact_metric has no \(grain) facts: run `kpibridge run` first, with exports in the inbox (an empty inbox "
                                 + "gives no facts)",
                             "fact_metric 中没有按\(grainZh)的事实数据：请先把导出文件放进收件箱并运行 `kpibridge run`（收件箱为空时不会有事实数据）")
        }
        let sorted = periods.sorted()
        return Bilingual("no \(grain) \(period.label) facts in the store; \(grain)s with data: " + sorted.joined(separator: ", "),
                         "存储中没有\(grainZh) \(period.label) 的事实数据；有数据的\(grainZh)：" + sorted.joined(separator: "、"))
    }
}

extension Pipeline {
    /// The manager's HTML report for `period` (see ``ReportJob``).
    package func report(period: Period, language: DisplayLanguage) throws(PipelineError) -> String {
        try ReportJob(pipeline: self, period: period, language: language).html()
    }

    /// What the report for `period` shows, read from the store (see ``ReportJob/input()``).
    package func reportInput(period: Period, language: DisplayLanguage) throws(PipelineError) -> ReportInput {
        try ReportJob(pipeline: self, period: period, language: language).input()
    }

    /// Refuses `--notify` before any work when no webhook takes `report`.
    package func checkReportWebhooks() throws(PipelineError) {
        guard workspace.config.notifies(.report) else {
            throw .usage(Bilingual("--notify: no `notify:` webhook in \(Workspace.configFile) takes `report` (add it to a webhook's `on:`)",
                                   "--notify：\(Workspace.configFile) 中没有接收 `report` 的 `notify:` webhook（请把它加到某个 webhook 的 `on:` 中）"))
        }
    }

    /// Tells the `notify:` webhooks that take `report` the summary of the report written to `file`.
    package func notifyReport(period: Period, file: String) throws(PipelineError) -> [Notifications.Delivery] {
        try checkReportWebhooks()
        let input = try ReportJob(pipeline: self, period: period, language: .zh).input()
        let held = try ScoreReport.heldNote(store)
        return Notifications(pipeline: self).send([Notice.report(input, file: file, workspace: workspace.paths.root, held: held)])
    }
}
