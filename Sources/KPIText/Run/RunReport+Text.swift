import KPIPipeline
import KPISchema
import KPIStore

extension RunReport {
    /// How many changed rows the summary lists before pointing at `fact_changes`.
    package static let changesShown = 20

    /// The summary in English (logs, tests and the commands that have no `--lang`).
    package var text: String { text(language: .en) }

    /// A few plain lines: each file, then the totals and where the results are; why a file failed is in
    /// the reader's language too.
    package func text(language l: DisplayLanguage) -> String {
        /// `  loaded   `: the status column, nine terminal columns wide in either language.
        func status(_ en: String, _ zh: String) -> String { "  " + TerminalWidth.pad(l.pick(en, zh), 9) }
        let indent = String(repeating: " ", count: 11)
        var lines = [l.pick("kpibridge \(command) · run #\(runID) · store \(store)", "kpibridge \(command) · 运行 #\(runID) · 存储 \(store)")]
        if let lockNote { lines.append(l.pick("note: ", "注意：") + lockNote(l)) }
        lines += streams.map { $0.line(l) }
        for file in files {
            switch file.status {
            case .loaded(let s):
                var detail = l.pick("\(s.rowsLoaded) rows loaded", "加载 \(s.rowsLoaded) 行")
                if s.rowsQuarantined > 0 { detail += l.pick(", \(s.rowsQuarantined) quarantined", "，隔离 \(s.rowsQuarantined) 行") }
                if s.rowsSkipped > 0 { detail += l.pick(", \(s.rowsSkipped) skipped as non-data", "，跳过非数据行 \(s.rowsSkipped) 行") }
                let routing = file.routing.map { l.pick(", ", "，") + $0(l) } ?? ""
                lines.append(status("loaded", "已加载") + "\(file.file) [\(file.connector)\(routing)] \(detail)")
                if !file.unknownColumns.isEmpty {
                    let columns = file.unknownColumns.map { "`\($0)`" }
                    lines.append(indent + l.pick("new columns the connector does not know: " + columns.joined(separator: ", "),
                                                 "连接器不认识的新列：" + columns.joined(separator: "、")))
                }
                if !file.absentOptionalColumns.isEmpty {
                    lines.append(indent + l.pick("no column " + file.absentOptionalColumns.joined(separator: ", ")
                                                     + ": read as the connector's default (empty when it names none), which it allows",
                                                 "没有列 " + file.absentOptionalColumns.joined(separator: "、")
                                                     + "：按连接器的默认值读取（未声明默认值则为空），连接器允许这样做"))
                }
                for unfed in file.unfedMetrics { lines.append(indent + l.pick("feeds " + unfed.en, unfed.zh)) }
            case .skipped(let reason):
                lines.append(status("skipped", "已跳过") + file.file + l.pick(" (\(reason.en))", "（\(reason.zh)）"))
            case .failed(let reason):
                lines.append(status("FAILED", "失败") + reason(l).escapingControlCharacters(keepingNewlines: true)
                    .replacingOccurrences(of: "\n", with: "\n" + indent))
            }
        }
        if let retraction {
            lines.append(Self.retractionLine(retraction, language: l))
        } else {
            lines.append(l.pick("files: \(filesRead) read, \(filesSkipped) skipped" + (filesFailed > 0 ? ", \(filesFailed) FAILED" : "")
                                    + " · rows: \(rowsLoaded) loaded, \(rowsQuarantined) quarantined",
                                "文件：读取 \(filesRead) 个，跳过 \(filesSkipped) 个" + (filesFailed > 0 ? "，失败 \(filesFailed) 个" : "")
                                    + " · 行：加载 \(rowsLoaded) 行，隔离 \(rowsQuarantined) 行"))
        }
        if let refresh { lines += refreshLines(refresh, l) }
        if let tracking, tracking.ordersAttached + tracking.unlinkedNumbers + tracking.scansBeforePurchase > 0 {
            lines.append(trackingLine(tracking, l))
        }
        if diagnostics.orphanEvents + diagnostics.orphanRefunds > 0 {
            lines.append(l.pick("note: \(diagnostics.orphanEvents) fulfillment events and \(diagnostics.orphanRefunds) refunds name orders not loaded yet; "
                                    + "they count once their orders arrive",
                                "注意：\(diagnostics.orphanEvents) 条履约事件和 \(diagnostics.orphanRefunds) 条退款指向尚未加载的订单；订单到达后计入"))
        }
        lines += endLines(l)
        return lines.joined(separator: "\n")
    }

    /// Facts, reconciliation, scores and what the refresh could not count.
    private func refreshLines(_ refresh: FactRefresh.Outcome, _ l: DisplayLanguage) -> [String] {
        var lines: [String] = []
        var incremental = false
        if case .incremental = refresh.refresh { incremental = true }
        var nothingRecomputed = false
        let counts = Self.counts(refresh.facts, l)
        switch refresh.refresh {
        case .full(let reason, _):
            lines.append(l.pick("facts: \(factRows) rows in fact_metric (\(counts)); all periods recomputed: \(reason.en)",
                                "事实：fact_metric 共 \(factRows) 行（\(counts)）；全部周期重新计算：\(reason.zh)"))
        case .incremental(let scope, _, _) where scope.isEmpty:
            nothingRecomputed = true
            lines.append(l.pick("facts: \(refresh.refresh.summary(l)); fact tables unchanged", "事实：\(refresh.refresh.summary(l))；事实表未变"))
        case .incremental:
            lines.append(l.pick("facts: \(refresh.refresh.summary(l)); \(factRows) rows in those periods of fact_metric (\(counts))",
                                "事实：\(refresh.refresh.summary(l))；fact_metric 中这些周期共 \(factRows) 行（\(counts)）"))
        }
        if refresh.facts.restated > 0 {
            let n = refresh.facts.restated
            let table = invocation.command("export", "--table", "v_restatements")
            lines.append(l.pick("restated: \(n) fact\(n == 1 ? "" : "s") of closed periods would now differ; the closed values stand (\(table))",
                                "重述：已结账周期中有 \(n) 个指标现在会得出不同的值；已结账的数字保持不变（\(table)）"))
        }
        if !nothingRecomputed {
            let reconciled = Self.counts(refresh.reconciliation, l)
            lines.append(l.pick("reconciliation: \(reconciliationRows) " + (incremental ? "rows in those periods of fact_reconciliation" : "rows in fact_reconciliation")
                                    + " (\(reconciled)), \(bridgeRows) bridge steps, \(detailRows) differing records in reconciliation_detail",
                                "对账：" + (incremental ? "fact_reconciliation 中这些周期共" : "fact_reconciliation 共") + " \(reconciliationRows) 行（\(reconciled)），"
                                    + "桥接步骤 \(bridgeRows) 个，reconciliation_detail 中有差异的记录 \(detailRows) 条"))
        }
        lines += changeLines(refresh, l)
        if let scoring = refresh.scoring { lines += Self.scoringLines(scoring, language: l) }
        if !refresh.unattributed.isEmpty {
            lines.append(Self.unattributedLine(refresh.unattributed, language: l)
                         + (incremental ? l.pick(" (among the records read to recompute those periods)", "（在为重新计算这些周期而读取的记录中）") : ""))
        }
        if !refresh.uncostedSKUs.isEmpty { lines.append(Self.uncostedLine(refresh.uncostedSKUs, language: l)) }
        if !refresh.shopsWithoutReturns.isEmpty {
            let shops = Self.shopMonths(refresh.shopsWithoutReturns, l)
            lines.append(l.pick("returns: these shops shipped in months no return of theirs was received in (none, or their returns "
                                    + "export is not loaded): " + shops + "; return_rate is left out of those months for every scope they shipped in",
                                "退货：以下店铺在没有收到任何退货的月份有发货（确实没有，或退货导出未加载）：" + shops
                                    + "；这些月份在它们发货涉及的所有范围都不计 return_rate"))
        }
        if !refresh.shopsWithoutCustomers.isEmpty {
            let shops = Self.shopMonths(refresh.shopsWithoutCustomers, l)
            lines.append(l.pick("customers: these shops sold to buyers their exports do not name (no buyer column, or no "
                                    + "`customers.salt` in kpibridge.yaml when they were loaded): " + shops
                                    + "; repurchase_rate and retention_rate are left out of every scope and window those orders fall in",
                                "客户：以下店铺的导出没有写明买家（没有买家列，或加载时 kpibridge.yaml 中没有 `customers.salt`）：" + shops
                                    + "；这些订单所在的所有范围和窗口都不计 repurchase_rate 和 retention_rate"))
        }
        for (profile, shops) in refresh.shopsWithoutFees.sorted(by: { $0.key < $1.key }) {
            lines.append(Self.feesLine(profile: profile, shops: shops, language: l))
        }
        lines += Self.sameOrderLines(refresh.sameOrders, changes: incremental, invocation: invocation, language: l)
        return lines
    }

    /// Carrier scans attached by tracking number, and those that could not be.
    private func trackingLine(_ tracking: TrackingAttachment, _ l: DisplayLanguage) -> String {
        let attached = tracking.ordersAttached, written = tracking.eventsChanged
        var line = l.pick("tracking: carrier scans attached by tracking number to \(attached) order\(attached == 1 ? "" : "s")"
                              + " (\(written) event\(written == 1 ? "" : "s") written now)",
                          "物流：按运单号把承运商扫描关联到 \(attached) 个订单（本次写入 \(written) 条事件）")
        let unlinked = tracking.unlinkedNumbers
        if unlinked > 0 {
            let table = invocation.command("export", "--table", "v_unlinked_tracking")
            line += l.pick("; \(unlinked) tracking number\(unlinked == 1 ? "" : "s") no order names yet, counted nowhere "
                               + "until a label, outbound or shipment export links \(unlinked == 1 ? "it" : "them") (\(table))",
                           "；\(unlinked) 个运单号尚无订单指向，在面单、出库或发货导出关联之前不计入任何地方（\(table)）")
        }
        let early = tracking.scansBeforePurchase
        if early > 0 {
            line += l.pick("; \(early) scan\(early == 1 ? "" : "s") dated before \(early == 1 ? "its" : "their") "
                               + "linked order was bought, not attached (a reused or mistyped tracking number)",
                           "；\(early) 条扫描早于关联订单的购买时间，未关联（运单号被重复使用或输错）")
        }
        return line
    }

    /// What failed and what the next run does about it, then where the quarantined rows are.
    private func endLines(_ l: DisplayLanguage) -> [String] {
        var lines: [String] = []
        if filesFailed > 0 {
            let one = filesFailed == 1
            lines.append(l.pick("\(filesFailed) file\(one ? "" : "s") failed and \(one ? "was" : "were") not loaded; fix or remove \(one ? "it" : "them") and run again (exit code 1)",
                                "\(filesFailed) 个文件失败，未加载；修正或移走后再运行（退出码 1）"))
        }
        if streamsFailed > 0 {
            let one = streamsFailed == 1
            lines.append(l.pick("\(streamsFailed) stream\(one ? "" : "s") failed; \(one ? "its" : "their") state was not advanced, so the next run asks for the same data again (exit code 1)",
                                "\(streamsFailed) 个数据流失败；其状态未推进，下次运行会重新请求相同的数据（退出码 1）"))
        }
        if let missing = refresh?.missingRates {
            lines.append(l.pick("WAITING FOR RATES: ", "等待汇率：") + missing.description(l)
                         + (missing.factsHeldBack ? l.pick("\nScores were not recomputed (the last complete ones stay); the next", "\n得分未重新计算（保留上次完整的结果）；下次")
                                                  : l.pick("\nThe next", "\n下次"))
                         + l.pick(" run recomputes every period. (exit code 1)", "运行会重新计算全部周期。（退出码 1）"))
        }
        if let held = refresh?.scoring?.held, !held.isEmpty {
            lines.append(l.pick("SCORES HELD: the targets sheet names what the roster cannot place:", "评分暂缓：目标表中有花名册无法对应的内容："))
            lines += held.map { "  " + $0(l).escapingControlCharacters() }
            lines.append(l.pick("Correct the sheet or the roster, then run again or `\(invocation.command("score"))`. (exit code 1)",
                                "请修正目标表或花名册，然后重新运行或执行 `\(invocation.command("score"))`。（退出码 1）"))
        }
        if leftUnselected > 0 {
            lines.append(l.pick("left for the next run: \(leftUnselected) inbox file\(leftUnselected == 1 ? "" : "s") of connectors not in --select",
                                "留待下次运行：--select 之外的连接器有 \(leftUnselected) 个收件箱文件"))
        }
        if let stale = freshness?.runLine(l) { lines.append(stale) }
        lines += Self.deliveryLines(deliveries, language: l)
        if rowsQuarantined > 0 {
            lines.append(l.pick("quarantined rows: ", "隔离的行：") + invocation.command("export", "--table", "quarantine", "--format", "csv"))
        }
        return lines
    }
}
