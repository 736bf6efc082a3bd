import Foundation
import KPIFacts
import KPISchema
import KPIScoring
import KPIStore
import KPIWorkspace
import Logging

/// Brings every fact table up to date with the store: metrics, reconciliation, scores, and the record
/// of which definition versions produced them.
///
/// Only the periods that new or changed records fall in are recomputed (see ``RecomputeScope``); every
/// period is when the store was never refreshed or its definitions, rates, roster or formulas changed
/// (``RefreshBasis``). Either way the tables end up as a full recompute would leave them.
///
/// Closed periods (whose last day has passed in their zone) keep the definition version their stored
/// facts were computed with, so editing `definitions.yaml` never silently rewrites a month people
/// have already reported. `recompute` names the dates whose periods may change definition.
package struct FactRefresh {
    package let workspace: Workspace
    package let store: any RecordStore & FactStore & ScoreStore
    package let now: Instant
    package let recompute: DateRange?
    /// False for a schedule without the `score` stage: fact_score keeps its rows until a run that scores.
    package var score = true
    /// False to recompute every period (`--full-refresh`) rather than those new or changed records touch.
    package var incremental = true
    /// Why every period is recomputed when `incremental` is false, for the summary.
    package var fullRefreshReason = Bilingual("asked for", "按 --full-refresh 要求")
    /// How the user named the workspace and store, for the `--recompute` command an error suggests.
    package var invocation = Invocation()

    /// What the refresh wrote, for the run summary.
    package struct Outcome {
        package var facts = FactWriteResult()
        package var factRows = 0
        package var reconciliation = FactWriteResult()
        package var reconciliationRows = 0
        package var details = FactWriteResult()
        package var detailRows = 0
        package var bridge = FactWriteResult()
        package var bridgeRows = 0
        package var diagnostics = MetricEngine.Diagnostics()
        /// Records no roster entry owns, counted at company level only.
        package var unattributed = Unattributed()
        /// SKUs sold on days no unit cost was in force for: cogs and gross_margin are left out where they sold.
        package var uncostedSKUs: [String] = []
        /// Per profile whose margin deducts fees (`margin_fees: referral | settlement`), shops that sold in a month with no settlement fees.
        package var shopsWithoutFees: [String: [(shop: String, months: [String])]] = [:]
        /// Shops that shipped in a month no return of theirs was received in (when any shop has returns).
        package var shopsWithoutReturns: [(shop: String, months: [String])] = []
        /// Shops with orders of unknown buyer, per month (when any buyer is keyed or a repurchase window declared).
        package var shopsWithoutCustomers: [(shop: String, months: [String])] = []
        /// Rates the records needed and the fx table lacks: the money metrics of the periods and scopes
        /// those records fall in, and all money reconciliation, wait for them; nil when none is missing.
        package var missingRates: MissingRatesError?
        /// Orders stored under two channels, counted once (`same_order:`).
        package var sameOrders = SameOrders.Summary()
        package var scoring: ScoreRefresh.Outcome?
        /// Whether every period was recomputed, and why; or which were.
        package var refresh = RefreshKind.full(reason: .empty)
        /// Closed periods kept on an older version than the dated one: (profile, period, version).
        package var pinned: [(profile: String, grain: Grain, start: CivilDate, end: CivilDate, version: Int)] = []
    }

    package func run(runID: Int64, logger: Logger) throws -> Outcome {
        let file = workspace.definitions
        var definitions = file.definitions
        let stored = try store.factPeriodVersions()
        var outcome = Outcome()
        let frozen = stored.filter(isFrozen)
        try checkEditedInPlace(frozen)
        for period in frozen {
            guard definitions.dated(period.profile, on: period.periodStart)?.version != period.version else { continue }
            guard definitions.profile(period.profile, version: period.version) != nil else {
                let gone = definitions.versions(of: period.profile).isEmpty
                let what = gone
                    ? "profile `\(period.profile)`, which \(workspace.definitionsName) no longer defines"
                    : "profile `\(period.profile)` version \(period.version), which \(workspace.definitionsName) no longer lists"
                let whatZh = gone
                    ? "口径 `\(period.profile)` 计算的，而 \(workspace.definitionsName) 已不再定义它"
                    : "口径 `\(period.profile)` 第 \(period.version) 版计算的，而 \(workspace.definitionsName) 已不再列出该版本"
                let command = invocation.command("run", "--recompute", range(of: frozen, profile: period.profile, version: period.version))
                throw PipelineError.failed(Bilingual("""
                    fact_metric holds closed periods (e.g. \(period.grain.rawValue) \(period.periodStart)) computed with \(what); \
                    restore it, or rewrite those periods with `\(command)`
                    """, """
                    fact_metric 中有已结账的周期（例如\(Self.periodPhrase(period.grain, period.periodStart))）是用\(whatZh)；\
                    请恢复它，或用 `\(command)` 重写这些周期
                    """))
            }
            definitions.pins[DefinitionSet.PeriodKey(profile: period.profile, grain: period.grain, start: period.periodStart)] = period.version
            outcome.pinned.append((period.profile, period.grain, period.periodStart, period.periodEnd, period.version))
        }

        let roster = try ScoreRefresh.roster(store)
        let rates = try ExchangeRates.table(workspace, store: store)
        let costs = try Self.costs(store)
        // Buyer rates exist only with buyer keys; their windows stop where the store's history starts, which moves
        // when older orders arrive (a change of basis, so every window is looked at again).
        let keyed = try store.hasCustomerKeys()
        let history = keyed ? try store.firstPurchase() : nil
        let basis = RefreshBasis(definitions: file, fx: rates, roster: roster, costs: costs, history: history)
        // Before reading what is pending: orders whose counting as a copy changed are marked there.
        let sameOrders = try SameOrders.settle(workspace: workspace, store: store, runID: runID)
        outcome.sameOrders = sameOrders.summary
        let pending = try store.pendingRefresh()
        let scope = incremental ? self.scope(pending, basis: basis, keyed: keyed) : nil
        outcome.refresh = scope.map { .incremental($0, days: pending.days.count, orders: pending.orders) } ?? fullRefresh(pending, basis: basis)

        let names = definitions.names.joined(separator: ", ")
        let pairs = file.pairs.isEmpty ? "" : "; reconciling \(file.pairs.map(\.description).joined(separator: " "))"
        let pairsZh = file.pairs.isEmpty ? "" : "；对账 \(file.pairs.map(\.description).joined(separator: " "))"
        logger.info("computing metrics for \(names)\(pairs): \(outcome.refresh.summary)",
                    metadata: ["event": "metrics", Bilingual.logKey: "计算指标 \(definitions.names.joined(separator: "、"))\(pairsZh)：\(outcome.refresh.summary(.zh))"])
        // fact_metric as this refresh leaves it, which scoring reads.
        let current: [FactMetric]
        if let scope, scope.isEmpty {
            current = try store.factMetrics()
        } else {
            current = try recompute(scope, definitions: definitions, roster: roster, rates: rates, costs: costs, history: history,
                                    skipped: sameOrders.skipped, runID: runID, into: &outcome)
        }
        try store.recordDefinitions(definitions.allVersions.flatMap(\.rows), runID: runID)
        try store.recordMetricLabels(MetricID.allCases.map { metric in
            MetricLabel(metric: metric.rawValue, labelZh: DisplayNames.metric(metric.rawValue, .zh),
                        labelEn: DisplayNames.metric(metric.rawValue, .en), unit: metric.unit,
                        direction: metric.lowerIsBetter ? "lower" : "higher")
        })
        try store.recordMetricBases(CreditBasis.allCases.flatMap { basis in
            basis.metrics.map { (metric: $0.rawValue, basis: basis.rawValue, recordKind: basis.recordKind) }
        })
        // Scores from facts with money held back would grade a missing gmv as "no data" (reweighted or
        // zero): the last complete scores stay until the rates are there.
        if score, outcome.missingRates?.factsHeldBack != true {
            if workspace.scoring != nil { logger.info("scoring", metadata: ["event": "scoring", Bilingual.logKey: "计算得分"]) }
            outcome.scoring = try ScoreRefresh(workspace: workspace, store: store, now: now)
                .run(facts: current, roster: roster, runID: runID)
        }
        let orphans = try store.orphanCounts()
        outcome.diagnostics = MetricEngine.Diagnostics(orphanEvents: orphans.events, orphanRefunds: orphans.refunds)
        // Held-back money is no basis for the next incremental refresh, which would read none of its periods
        // and exit 0 with the gap still there: a basis no refresh computes makes the next one recompute
        // everything (and say again what is missing) until the rates arrive.
        let waiting = outcome.missingRates.map { $0.factsHeldBack ? Self.waitingForRates : Self.waitingToReconcile } ?? ""
        try store.completeRefresh(basis: basis.digest + waiting, asOf: now, runID: runID)
        return outcome
    }

    /// Recomputes metrics and reconciliation for the periods of `scope` (every period when nil) from the
    /// records dated there, writes them, and returns the whole of fact_metric as it now stands.
    private func recompute(_ scope: RecomputeScope?, definitions: DefinitionSet, roster: [Employee], rates: FXTable,
                           costs: CostHistory, history: Instant?, skipped: Set<OrderKey>, runID: Int64,
                           into outcome: inout Outcome) throws -> [FactMetric] {
        let file = workspace.definitions
        // Every missing rate is collected over the whole pass and named at once. The metric pass's misses hold
        // the facts that needed them back (see `MetricAccumulator`); the reconciler's (an amount in the other
        // profile's currency on its own day) only the reconciliation of money.
        let misses = MissingRates()
        let factMisses = MissingRates(also: misses)
        var engine = MetricEngine(definitions: definitions, fx: rates.collectingMisses(in: factMisses),
                                  attribution: Attribution(employees: roster), asOf: now, costs: costs)
        engine.history = history
        var accumulator = engine.accumulator()
        // Each record's credits, for the lineage relation: those of the days whose periods this refresh rewrites.
        let rewritten = scope?.recomputedDays
        let credits = try CreditLog(keeping: { day in rewritten?.contains { $0.contains(day.daysSinceEpoch) } ?? true })
        accumulator.credits = credits
        var pending = Reconciler(definitions: definitions, fx: rates.collectingMisses(in: misses), pairs: file.pairs,
                                 detailGrains: file.detailGrains, costs: costs)
        let spool = try DetailSpool()
        pending.spool = spool
        // Reconciliation runs beside the metric pass, on the other core, fed the same records.
        let reconciling = ReconcilerThread(pending)
        do {
            // The store selects the records dated in the scope's window; periods outside it are dropped below.
            try store.forEachOrder(within: scope) { bundle in
                // A copy of a sale another channel's order counts (`same_order:`) is no sale of its own.
                if !skipped.isEmpty, skipped.contains(bundle.order.key) { return }
                try accumulator.add(bundle)
                try reconciling.add(.order(bundle))
            }
            try store.forEachFlat(.ticket, within: scope) { record in
                accumulator.add(ticket: record)
                try reconciling.add(.ticket(record))
            }
            try store.forEachFlat(.inventorySnapshot, within: scope) { record in
                try accumulator.add(stock: record)
                try reconciling.add(.stock(record))
            }
            try store.forEachFlat(.traffic, within: scope) { accumulator.add(traffic: $0) }
            try store.forEachFlat(.task, within: scope) { accumulator.add(task: $0) }
            try store.forEachFlat(.review, within: scope) { accumulator.add(review: $0) }
            try store.forEachFlat(.adSpend, within: scope) { record in
                try accumulator.add(ad: record)
                try reconciling.add(.ad(record))
            }
            try store.forEachFlat(.fee, within: scope) { record in
                try accumulator.add(fee: record)
                try reconciling.add(.fee(record))
            }
            try store.forEachFlat(.contract, within: scope) { accumulator.add(contract: $0) }
        } catch {
            _ = try? reconciling.finish()  // lets the worker thread end
            throw error
        }
        let reconciler = try reconciling.finish()
        outcome.missingRates = misses.error.map { error in
            var error = error
            error.factsHeldBack = factMisses.error != nil
            return error
        }
        // A reconciled amount is built from both profiles' conversions, a missing one counted as 0: money is
        // reconciled only when every rate was there.
        let moneyReconciled = outcome.missingRates == nil
        outcome.unattributed = accumulator.unattributed
        outcome.uncostedSKUs = accumulator.uncostedSKUs.sorted()
        outcome.shopsWithoutFees = accumulator.shopsWithoutFees(in: scope)
        outcome.shopsWithoutReturns = accumulator.shopsWithoutReturns(in: scope)
        outcome.shopsWithoutCustomers = accumulator.shopsWithoutCustomers(in: scope)

        // Stored rows outside the scope stay; growth compares with them.
        let kept = try scope.map { scope in
            try store.factMetrics().filter { !scope.replaces($0.grain, $0.periodStart, metric: $0.metric) }
        } ?? []
        let facts = scope.map { accumulator.facts(in: $0, stored: kept) } ?? accumulator.facts()
        outcome.facts = try store.replaceFactMetrics(facts, within: scope, runID: runID, restating: outcome.refresh.restatementCause)
        outcome.factRows = facts.count
        try store.replaceCredits(try credits.rows(), within: scope, runID: runID)
        if outcome.facts.restated > 0 {
            // The files behind a restated fact that arrived after the close name its cause, with what else changed.
            var changed: Bilingual?
            if case .full(_, let cause) = outcome.refresh { changed = cause }
            let causes = try store.restatementSources(runID: runID).compactMap { entry in
                RestatementCause.naming(entry.files, also: changed).map { (restatement: entry.restatement, cause: $0) }
            }
            try store.setRestatementCauses(causes, runID: runID)
        }
        var rows = reconciler.rows(facts: facts)
        if let scope { rows.removeAll { !scope.recomputes($0.grain, $0.periodStart) } }
        if !moneyReconciled { rows.removeAll { Self.moneyMetrics.contains($0.metric) } }
        // Detail rows stream from the spool into the store, those outside the scope skipped.
        let spooled = try spool.rows()
        var detailRows = 0
        let details = DetailRows {
            while let detail = try spooled.next() {
                guard scope?.recomputes(detail.grain, detail.periodStart) ?? true else { continue }
                guard moneyReconciled || !Self.moneyDetails.contains(detail.metric) else { continue }
                detailRows += 1
                return detail
            }
            return nil
        }
        let bridge = reconciler.bridgeRows(for: rows, facts: facts)
        let written = try store.replaceReconciliation(rows, bridge: bridge, details: details, within: scope, runID: runID)
        (outcome.reconciliation, outcome.bridge, outcome.details) = (written.facts, written.bridge, written.details)
        outcome.reconciliationRows = rows.count
        outcome.bridgeRows = bridge.count
        outcome.detailRows = detailRows
        return scope == nil ? facts : (kept + facts).sorted { $0.key < $1.key }
    }

    /// Every SKU's unit cost history in the store.
    static func costs(_ store: any RecordStore) throws -> CostHistory {
        var records: [FlatRecord] = []
        try store.forEachFlat(.skuCost) { records.append($0) }
        return CostHistory(records)
    }

    /// What a refresh that held money facts back appends to its basis: no refresh computes it, so the next
    /// recomputes everything, and `score` knows the facts are incomplete.
    package static let waitingForRates = " waiting for fx rates"
    /// The same for a refresh whose facts are complete but whose money reconciliation waits.
    static let waitingToReconcile = " waiting for fx rates to reconcile"

    /// The metrics in a currency, which a missing exchange rate holds back.
    static let moneyMetrics: Set<String> = Set(MetricID.allCases.filter { $0.unit == "currency" }.map(\.rawValue))
    /// Metrics whose detail rows carry amounts the reconciler converts: the money metrics, and gross margin
    /// (its records are fee rows, valued at their posting day's rate).
    static let moneyDetails: Set<String> = moneyMetrics.union([MetricID.grossMargin.rawValue])

    /// The periods to recompute, or nil when everything must be: the store has never been refreshed or
    /// was refreshed from another basis. Besides the days of changed records, the days between the last
    /// refresh's clock and now (tasks fell due) and the `--recompute` dates are recomputed.
    private func scope(_ pending: PendingRefresh, basis: RefreshBasis, keyed: Bool) -> RecomputeScope? {
        guard let stored = pending.basis, stored == basis.digest, let before = pending.asOf else { return nil }
        var days = pending.days
        let (first, last) = (min(before, now).utcDate, max(before, now).utcDate)
        if first < last {
            for offset in 0...first.days(until: last) { days.insert(first.adding(days: offset)) }
        }
        // A profile's day can turn within one UTC day (Beijing's at 16:00 UTC): the periods under way then end
        // on another day than the stored facts were computed to.
        let zones = workspace.definitions.definitions.allVersions.map(\.zone)
        if zones.contains(where: { $0.date(of: before) != $0.date(of: now) }) {
            days.insert(before.utcDate)
            days.insert(now.utcDate)
        }
        if let recompute {
            for offset in 0...recompute.start.days(until: recompute.end) { days.insert(recompute.start.adding(days: offset)) }
        }
        // Without a buyer key in the store there is no customer rate to recompute, and no reason to read more.
        let lookback = workspace.definitions.definitions.allVersions.compactMap(\.repurchaseWindowDays).max() ?? 0
        return RecomputeScope(touching: days, growthMetrics: MetricAccumulator.growthMetrics,
                              customerMetrics: keyed ? MetricAccumulator.customerMetrics : [], lookback: lookback)
    }

    /// Why every period is recomputed: asked for, a first refresh, rates that were missing, a retract, or which
    /// of the basis's parts changed.
    private func fullRefresh(_ pending: PendingRefresh, basis: RefreshBasis) -> RefreshKind {
        guard incremental else { return .full(reason: fullRefreshReason) }
        guard let stored = pending.basis else { return .full(reason: Bilingual("first refresh of this store", "此存储的首次刷新")) }
        if stored.hasSuffix(Self.waitingForRates) || stored.hasSuffix(Self.waitingToReconcile) {
            return .full(reason: Bilingual("the last refresh was waiting for fx rates", "上次刷新在等待汇率"))
        }
        if stored.hasSuffix(PendingRefresh.afterRetract) {
            return .full(reason: Bilingual("a file was retracted", "有文件被撤回"),
                         cause: Bilingual("correction: a file was retracted", "更正：有文件被撤回"))
        }
        guard let changes = basis.changes(since: stored), !changes.isEmpty else {
            return .full(reason: Bilingual("definitions, exchange rates, roster, SKU costs, formulas or the start of the order history changed since the last refresh",
                                           "自上次刷新以来，口径定义、汇率、花名册、SKU 成本、公式或订单历史的起点有变化"))
        }
        let reason = Bilingual(changes.map(\.en).joined(separator: "; "), changes.map(\.zh).joined(separator: "；"))
        return .full(reason: reason, cause: reason)
    }

    /// A stored period that may not change definition this run: closed, and outside `recompute`.
    private func isFrozen(_ period: StoredPeriodVersion) -> Bool {
        let zone = Zone(period.timezone) ?? .utc
        guard period.periodEnd < zone.date(of: now) else { return false }
        if let recompute, period.periodStart <= recompute.end && period.periodEnd >= recompute.start { return false }
        return true
    }

    /// The dates covered by `periods` of one profile version, as a `--recompute` argument.
    private func range(of periods: [StoredPeriodVersion], profile: String, version: Int) -> String {
        let mine = periods.filter { $0.profile == profile && $0.version == version }
        let start = mine.map(\.periodStart).min()!, end = mine.map(\.periodEnd).max()!
        return DateRange(start: start, end: end)!.description
    }

    /// Fails when a version that computed frozen periods now says something else under the same number.
    private func checkEditedInPlace(_ frozen: [StoredPeriodVersion]) throws {
        var recorded: [String: [String: DefinitionRow]] = [:]
        for row in try store.recordedDefinitions() { recorded["\(row.profile)/v\(row.version)", default: [:]][row.concept] = row }
        for version in workspace.definitions.definitions.allVersions {
            guard let before = recorded[version.label] else { continue }
            let changes = version.rows.compactMap { row -> String? in
                guard let old = before[row.concept], old.variant != row.variant || old.detail != row.detail else { return nil }
                return "\(row.concept): \(old.variant) → \(row.variant)"
                    + (old.variant == row.variant ? " (\(old.detail ?? "") → \(row.detail ?? ""))" : "")
            }
            guard !changes.isEmpty, frozen.contains(where: { $0.profile == version.name && $0.version == version.version }) else { continue }
            let command = invocation.command("run", "--recompute", range(of: frozen, profile: version.name, version: version.version))
            throw PipelineError.failed(Bilingual("""
                \(workspace.definitionsName): profile `\(version.name)` version \(version.version) was changed in place \
                (\(changes.joined(separator: "; "))), but closed periods were computed with it. Add version \
                \(version.version + 1) with an `effective_from` date instead, or rewrite those periods with \
                `\(command)`
                """, """
                \(workspace.definitionsName)：口径 `\(version.name)` 第 \(version.version) 版被直接修改了\
                （\(changes.joined(separator: "；"))），但已结账的周期是用它计算的。请改为新增第 \
                \(version.version + 1) 版并写明 `effective_from` 日期，或用 \
                `\(command)` 重写这些周期
                """))
        }
    }

    /// ` 2026-10-01 这一天`, ` 2026-10-01 起的一个月`: a closed period of each grain, named plainly in Chinese.
    private static func periodPhrase(_ grain: Grain, _ start: CivilDate) -> String {
        switch grain {
        case .day: " \(start) 这一天"
        case .week: " \(start) 起的一周"
        case .month: " \(start) 起的一个月"
        case .quarter: " \(start) 起的一个季度"
        }
    }
}

extension DefinitionProfile {
    /// This version as rows of the `definitions` table.
    package var rows: [DefinitionRow] {
        Concept.allCases.map { concept in
            var detail: String?
            if concept == .responseTime, case .businessHours(let calendar) = responseTime { detail = calendar.summary }
            return DefinitionRow(profile: name, version: version, effectiveFrom: effectiveFrom, concept: concept.rawValue,
                                 variant: variant(concept), detail: detail)
        }
    }
}
