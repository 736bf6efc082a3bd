import KPIFacts
import KPINotify
import KPIPipeline
import KPISchema
import KPIScoring
import KPIStore

/// The run summary's lines about what the refresh found, each in the reader's language; the `score`,
/// `report` and `notify` commands print some of them too.
extension RunReport {
    static func counts(_ r: FactWriteResult, _ l: DisplayLanguage) -> String {
        l.pick("\(r.inserted) new, \(r.updated) changed, \(r.deleted) removed, \(r.unchanged) unchanged",
               "新增 \(r.inserted)，变更 \(r.updated)，删除 \(r.deleted)，未变 \(r.unchanged)")
    }

    /// Which fact rows a `--recompute` changed, and which closed periods kept an older definition.
    func changeLines(_ refresh: FactRefresh.Outcome, _ l: DisplayLanguage) -> [String] {
        var lines: [String] = []
        if let recompute {
            let changes = refresh.facts.changes
            let table = invocation.command("export", "--table", "fact_changes")
            lines.append(l.pick("recompute \(recompute): \(changes.count) fact row\(changes.count == 1 ? "" : "s") changed or removed"
                                    + (changes.isEmpty ? "" : "; all in `\(table)`"),
                                "重新计算 \(recompute)：\(changes.count) 行事实变更或删除" + (changes.isEmpty ? "" : "；全部见 `\(table)`")))
            // Longest grains first (quarters, then months): the rows people report on, before the weeks and days under them.
            let rank = { (c: FactChange) in -(Grain(rawValue: c.key[0]).flatMap { Grain.allCases.firstIndex(of: $0) } ?? 0) }
            let shown = changes.sorted { (rank($0), $0.key.joined(separator: " ")) < (rank($1), $1.key.joined(separator: " ")) }
            for change in shown.prefix(Self.changesShown) {
                let key = change.key.joined(separator: " ")
                let values = "\(change.oldValue ?? "–") → \(change.newValue ?? l.pick("removed", "已删除"))"
                let definitions = change.oldDefinition == change.newDefinition || change.newDefinition == nil
                    ? "" : " (\(change.oldDefinition ?? "") ⇒ \(change.newDefinition ?? ""))"
                lines.append("  \(key): \(values)\(definitions)")
            }
            if changes.count > Self.changesShown {
                lines.append(l.pick("  … and \(changes.count - Self.changesShown) more", "  … 另有 \(changes.count - Self.changesShown) 行"))
            }
        }
        if let first = refresh.pinned.first {
            let start = refresh.pinned.map(\.start).min()!, end = refresh.pinned.map(\.end).max()!
            let command = invocation.command("run", "--recompute", DateRange(start: start, end: end)!.description)
            lines.append(l.pick("note: \(refresh.pinned.count) closed periods keep the definition version they were computed with "
                                    + "(e.g. \(first.profile)/v\(first.version) for \(first.grain.rawValue) \(first.start)); `\(command)` rewrites them",
                                "注意：\(refresh.pinned.count) 个已结账的周期保留计算时的口径版本（例如\(Self.periodPhrase(first.grain, first.start))"
                                    + "用 \(first.profile)/v\(first.version)）；`\(command)` 会按现行口径重写"))
        }
        return lines
    }

    /// `2026-10-01 这一天`, `2026-10-01 起的一个月`: a period of each grain, as the closed-periods note names one.
    static func periodPhrase(_ grain: Grain, _ start: CivilDate) -> String {
        switch grain {
        case .day: " \(start) 这一天"
        case .week: " \(start) 起的一周"
        case .month: " \(start) 起的一个月"
        case .quarter: " \(start) 起的一个季度"
        }
    }

    /// Cards, grades, vetoes, pacing alerts and provider moves, in a few lines.
    package static func scoringLines(_ s: ScoreRefresh.Outcome, language l: DisplayLanguage = .en) -> [String] {
        if !s.held.isEmpty {
            return [l.pick("scores: not scored this run: \(s.held.count) targets sheet row\(s.held.count == 1 ? "" : "s") the roster cannot place "
                               + "(listed with the problems below); fact_score stays as the last run left it",
                           "得分：本次未计算得分——目标表有 \(s.held.count) 行无法在花名册中找到对应（见下方问题列表）；fact_score 保持上次运行的结果")]
        }
        let totals = s.scores.filter { $0.line == "total" }
        var grades: [String: Int] = [:]
        for row in totals { grades[row.grade, default: 0] += 1 }
        let graded = grades.sorted { $0.key < $1.key }.map { "\(DisplayNames.grade($0.key, l)) \($0.value)" }
        var lines = [l.pick("scores: \(totals.count) scorecards, \(s.scores.count) rows in fact_score (\(counts(s.written.scores, l)))"
                                + (graded.isEmpty ? "" : "; grades " + graded.joined(separator: ", ")),
                            "得分：\(totals.count) 张考核表，fact_score 共 \(s.scores.count) 行（\(counts(s.written.scores, l))）"
                                + (graded.isEmpty ? "" : "；等级 " + graded.joined(separator: "，")))]
        for row in totals where row.veto != nil {
            let period = Period(grain: row.grain, start: row.periodStart, end: row.periodEnd).label
            lines.append(l.pick("  VETO  ", "  一票否决  ") + "\(row.scopeID) \(row.name) \(DisplayNames.grain(row.grain.rawValue, l)) \(period)"
                         + l.pick(": ", "：") + row.veto!(l))
        }
        // A vetoed card's line above already stops a reader; the others that would cut pay are named here.
        for row in totals where row.veto == nil {
            guard let review = row.review else { continue }
            let period = Period(grain: row.grain, start: row.periodStart, end: row.periodEnd).label
            lines.append(l.pick("  REVIEW  ", "  复核  ") + "\(row.scopeID) \(row.name) \(DisplayNames.grain(row.grain.rawValue, l)) \(period)"
                         + l.pick(": ", "：") + review(l))
        }
        let alerts = s.pacing.filter { $0.status != .onTrack }
        if !s.pacing.isEmpty {
            let behind = alerts.filter { $0.status == .behind }.count, atRisk = alerts.filter { $0.status == .atRisk }.count
            lines.append(l.pick("pacing: \(s.pacing.count) line\(s.pacing.count == 1 ? "" : "s") as of \(s.pacing[0].asOf), \(behind) behind, "
                                    + "\(atRisk) at risk (fact_pacing)",
                                "进度：截至 \(s.pacing[0].asOf) 共 \(s.pacing.count) 项，落后 \(behind) 项，有风险 \(atRisk) 项（fact_pacing）"))
        }
        for move in s.providers where move.isTransition {
            let period = Period(grain: move.grain, start: move.periodStart, end: move.periodEnd).label
            lines.append("  " + l.pick("provider", "服务商") + " \(move.provider) \(period)" + l.pick(": ", "：")
                         + "\(DisplayNames.providerTier(move.before.rawValue, l)) → \(DisplayNames.providerTier(move.after.rawValue, l))" + (move.failing.isEmpty ? "" : l.pick(" (\(move.failing))", "（\(Self.failingZh(move.failing))）"))
                         + (move.review.map { l.pick("; ", "；") + $0(l) } ?? ""))
        }
        if !s.unscored.isEmpty {
            lines.append(l.pick("note: not scored (no scorecard for their role): ", "注意：未评分（其岗位没有考核表）：")
                         + s.unscored.map { "\($0.id) \($0.name) (\($0.role))" }.joined(separator: l.pick(", ", "，")))
        }
        return lines
    }

    /// What the refresh did with sales stored under two channels (`same_order:`); nothing when there were none.
    /// How many orders changed how they count is news only after an incremental refresh (`changes`): after a
    /// full one every order was settled anew.
    package static func sameOrderLines(_ s: SameOrders.Summary, changes: Bool, invocation: Invocation,
                                       language l: DisplayLanguage = .en) -> [String] {
        var lines: [String] = []
        func orders(_ n: Int) -> String { "\(n) order\(n == 1 ? "" : "s")" }
        if s.countedOnce + s.awaitingCopy + s.undecided > 0 {
            let table = invocation.command("export", "--table", "v_same_order")
            var line = l.pick("same order: \(s.countedOnce) sale\(s.countedOnce == 1 ? "" : "s") stored under two channels, counted once where "
                                  + "`same_order` says (\(table))",
                              "同一订单：\(s.countedOnce) 笔销售存在两个渠道中，按 `same_order` 只计一次（\(table)）")
            if s.awaitingCopy > 0 {
                let one = s.awaitingCopy == 1
                line += l.pick("; \(orders(s.awaitingCopy)) name\(one ? "s" : "") a copy not loaded yet and count\(one ? "s" : "") where \(one ? "it is" : "they are") until it arrives",
                               "；\(s.awaitingCopy) 个订单指向尚未加载的副本，副本到达前在原渠道计入")
            }
            if changes, s.changed > 0 {
                line += l.pick("; \(orders(s.changed)) changed how they count since the last refresh", "；\(s.changed) 个订单的计入方式自上次刷新以来有变化")
            }
            lines.append(line)
            if s.severalCopies > 0 {
                lines.append(l.pick("note: \(s.severalCopies) sale\(s.severalCopies == 1 ? " is" : "s are") named by more than one order of the channel "
                                        + "that counts (an app that synced one order twice); one counts, the others are left out as copies (v_same_order)",
                                    "注意：\(s.severalCopies) 笔销售被计入渠道的多个订单指向（某个应用把一个订单同步了两次）；只计一个，其余作为副本不计（v_same_order）"))
            }
            if s.undecided > 0 {
                lines.append(l.pick("warning: \(s.undecided) sale\(s.undecided == 1 ? "" : "s") stored in channels no one `same_order` rule decides "
                                        + "(a rule removed, or copies in three channels); every copy counts",
                                    "警告：\(s.undecided) 笔销售所在渠道没有任何一条 `same_order` 规则能裁定（规则被删除，或副本分布在三个渠道）；每个副本都计入"))
            }
        }
        for channel in s.emptyChannels {
            lines.append(l.pick("warning: a `same_order` rule names channel `\(channel)`, of which the store holds no order (a misspelt "
                                    + "`platform:`, or its exports not loaded yet); until it does, copies naming it count where they are",
                                "警告：一条 `same_order` 规则指向渠道 `\(channel)`，但存储中没有该渠道的订单（`platform:` 拼写有误，或其导出尚未加载）；"
                                    + "在此之前，指向它的副本在原渠道计入"))
        }
        for (files, count) in s.loadedBeforeRule.sorted(by: { $0.key < $1.key }) {
            let named = files.hasPrefix("stream ") ? l.pick(files, "数据流 " + files.dropFirst("stream ".count)) : l.pick("source `\(files)`", "数据源 `\(files)`")
            lines.append(l.pick("warning: \(orders(count)) from \(named) were loaded before its `same_order` rule, "
                                    + "so their tags and notes were never read and a copy of them in another channel may count twice; load the "
                                    + "inbox again into a new store (another `--store`) to read them under the rule",
                                "警告：来自 \(named) 的 \(count) 个订单在其 `same_order` 规则之前加载，标签和备注从未读取，它们在另一渠道的副本可能被计两次；"
                                    + "请把收件箱重新加载到新的存储（另一个 `--store`）以按规则读取"))
        }
        return lines
    }

    /// Records counted at company level only because no roster entry owns them.
    package static func unattributedLine(_ u: Unattributed, language l: DisplayLanguage = .en) -> String {
        let kindsZh = ["orders": "订单", "tickets": "工单", "tasks": "任务", "reviews": "评价", "traffic": "流量记录"]
        var parts = u.counts.sorted { $0.key < $1.key }.map { l.pick("\($0.value) \($0.key)", "\(kindsZh[$0.key] ?? $0.key) \($0.value)") }
        if let orders = u.counts.keys.sorted().firstIndex(of: "orders"), !u.ordersByShop.isEmpty {
            parts[orders] += l.pick(" (", "（") + u.ordersByShop.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: l.pick(", ", "，")) + l.pick(")", "）")
        }
        return l.pick("unattributed (company level only; no roster owner): ", "未归属（只计入公司层面；花名册中无负责人）：")
            + parts.joined(separator: l.pick(", ", "，"))
    }

    /// SKUs sold on days no unit cost was in force for, and what that leaves out.
    package static func uncostedLine(_ skus: [String], language l: DisplayLanguage = .en) -> String {
        let shown = skus.prefix(10).map { $0.escapingControlCharacters() }.joined(separator: ", ") + (skus.count > 10 ? ", …" : "")
        let one = skus.count == 1
        return l.pick("costs: \(skus.count) SKU\(one ? "" : "s") sold on days no unit cost was in force for (\(shown)); "
                          + "cogs and gross_margin are left out of the periods and scopes \(one ? "it" : "they") sold in "
                          + "until the costs file gives \(one ? "it a cost" : "them costs") from an earlier date",
                      "成本：\(skus.count) 个 SKU 在没有生效单位成本的日子有销售（\(shown)）；在成本表给出更早日期的成本之前，"
                          + "它们销售所在的周期和范围不计 `cogs` 和 `gross_margin`")
    }

    /// Shops whose margin a profile cannot compute for want of settlement fees, with the months.
    package static func feesLine(profile: String, shops: [(shop: String, months: [String])], language l: DisplayLanguage = .en) -> String {
        l.pick("fees: \(profile) deducts settlement fees from gross_margin (margin_fees), and these shops sold in "
                   + "months their loaded settlements do not cover to the day: " + shopMonths(shops, l)
                   + "; gross_margin is left out of those months for those shops and for every scope they are part of (the "
                   + "company included) until their settlement or payout reports are loaded",
               "费用：\(profile) 从 gross_margin 中扣除结算费用（margin_fees），以下店铺在已加载结算报告未逐日覆盖的月份有销售："
                   + shopMonths(shops, l) + "；在其结算或回款报告加载之前，这些店铺在这些月份以及包含它们的所有范围（含公司）不计 gross_margin")
    }

    /// `amazon-us (2026-09, 2026-10), walmart-us (2026-10)`: shops and the months a line names them for.
    static func shopMonths(_ shops: [(shop: String, months: [String])], _ l: DisplayLanguage = .en) -> String {
        shops.map { l.pick("\($0.shop.escapingControlCharacters()) (\($0.months.joined(separator: ", ")))",
                           "\($0.shop.escapingControlCharacters())（\($0.months.joined(separator: "、"))）") }
            .joined(separator: l.pick(", ", "，"))
    }

    /// What a retract took out and put back, per table.
    package static func retractionLine(_ r: RetractOutcome, language l: DisplayLanguage = .en) -> String {
        let removed = r.removed.values.reduce(0, +)
        let tables = r.removed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return l.pick("retracted: \(removed) record\(removed == 1 ? "" : "s") removed" + (tables.isEmpty ? "" : " (\(tables.joined(separator: ", ")))")
                          + ", \(r.quarantineRemoved) quarantined row\(r.quarantineRemoved == 1 ? "" : "s"), \(r.ledgerRemoved) ledger entr\(r.ledgerRemoved == 1 ? "y" : "ies"); "
                          + "\(r.reapplied) record\(r.reapplied == 1 ? "" : "s") of the same keys re-applied from the other loaded files; every period recomputed",
                      "已撤回：删除 \(removed) 条记录" + (tables.isEmpty ? "" : "（\(tables.joined(separator: "、"))）")
                          + "、\(r.quarantineRemoved) 行隔离记录、\(r.ledgerRemoved) 条加载台账；"
                          + "从其他已加载文件重新应用相同键的 \(r.reapplied) 条记录；全部周期重新计算")
    }

    /// What the `notify:` webhooks were told: one line for those that took it, one per failure.
    package static func deliveryLines(_ deliveries: [Notifications.Delivery], language l: DisplayLanguage = .en) -> [String] {
        var lines: [String] = []
        let told = deliveries.filter { $0.failure == nil }
        if !told.isEmpty {
            let byWebhook = Dictionary(grouping: told, by: \.webhook).sorted { $0.key < $1.key }
            lines.append(l.pick("notified: ", "已通知：") + byWebhook.map { webhook in
                let events = webhook.value.map(\.event.rawValue)
                return l.pick("\(webhook.key) (\(events.joined(separator: ", ")))", "\(webhook.key)（\(events.joined(separator: "、"))）")
            }.joined(separator: l.pick("; ", "；")))
        }
        lines += deliveries.compactMap(\.undeliveredSentence).map { $0(l).escapingControlCharacters() + l.pick(" (exit code 1)", "（退出码 1）") }
        return lines
    }

    /// `gmv_growth -0.35426 < 0.15; csat 0 < 0.85` as a Chinese line writes it: each metric as code, the items
    /// joined by the Chinese semicolon.
    static func failingZh(_ failing: String) -> String {
        failing.components(separatedBy: "; ").map { item in
            guard let space = item.firstIndex(of: " ") else { return "`\(item)`" }
            return "`\(item[..<space])`" + item[space...]
        }.joined(separator: "；")
    }
}
