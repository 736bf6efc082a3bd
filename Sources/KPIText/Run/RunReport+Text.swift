import KPIFacts
import KPINotify
import KPIPipeline
import KPISchema
import KPIScoring
import KPIStore

extension RunReport {
    private static func counts(_ r: FactWriteResult) -> String {
        "\(r.inserted) new, \(r.updated) changed, \(r.deleted) removed, \(r.unchanged) unchanged"
    }

    /// Which fact rows a `--recompute` changed, and which closed periods kept an older definition.
    private func changeLines(_ refresh: FactRefresh.Outcome) -> [String] {
        var lines: [String] = []
        if let recompute {
            let changes = refresh.facts.changes
            lines.append("recompute \(recompute): \(changes.count) fact row\(changes.count == 1 ? "" : "s") changed or removed"
                         + (changes.isEmpty ? "" : "; all in `\(invocation.command("export", "--table", "fact_changes"))`"))
            // Longest grains first (quarters, then months): the rows people report on, before the weeks and days under them.
            let rank = { (c: FactChange) in -(Grain(rawValue: c.key[0]).flatMap { Grain.allCases.firstIndex(of: $0) } ?? 0) }
            let shown = changes.sorted { (rank($0), $0.key.joined(separator: " ")) < (rank($1), $1.key.joined(separator: " ")) }
            for change in shown.prefix(Self.changesShown) {
                let key = change.key.joined(separator: " ")
                let values = "\(change.oldValue ?? "–") → \(change.newValue ?? "removed")"
                let definitions = change.oldDefinition == change.newDefinition || change.newDefinition == nil
                    ? "" : " (\(change.oldDefinition ?? "") ⇒ \(change.newDefinition ?? ""))"
                lines.append("  \(key): \(values)\(definitions)")
            }
            if changes.count > Self.changesShown { lines.append("  … and \(changes.count - Self.changesShown) more") }
        }
        if let first = refresh.pinned.first {
            let start = refresh.pinned.map(\.start).min()!, end = refresh.pinned.map(\.end).max()!
            lines.append("note: \(refresh.pinned.count) closed periods keep the definition version they were computed with "
                         + "(e.g. \(first.profile)/v\(first.version) for \(first.grain.rawValue) \(first.start)); "
                         + "`\(invocation.command("run", "--recompute", DateRange(start: start, end: end)!.description))` rewrites them")
        }
        return lines
    }

    /// Cards, grades, vetoes, pacing alerts and provider moves, in a few lines.
    package static func scoringLines(_ s: ScoreRefresh.Outcome) -> [String] {
        if !s.held.isEmpty {
            return ["scores: not scored this run: \(s.held.count) targets sheet row\(s.held.count == 1 ? "" : "s") the roster cannot place "
                    + "(listed with the problems below); fact_score stays as the last run left it"]
        }
        let totals = s.scores.filter { $0.line == "total" }
        var grades: [String: Int] = [:]
        for row in totals { grades[row.grade, default: 0] += 1 }
        var lines = ["scores: \(totals.count) scorecards, \(s.scores.count) rows in fact_score (\(counts(s.written.scores)))"
                     + (grades.isEmpty ? "" : "; grades " + grades.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))]
        for row in totals where row.veto != nil {
            lines.append("  VETO  \(row.scopeID) \(row.name) \(row.grain.rawValue) \(Period(grain: row.grain, start: row.periodStart, end: row.periodEnd).label): \(row.veto!.en)")
        }
        let alerts = s.pacing.filter { $0.status != .onTrack }
        if !s.pacing.isEmpty {
            lines.append("pacing: \(s.pacing.count) line\(s.pacing.count == 1 ? "" : "s") as of \(s.pacing[0].asOf), \(alerts.filter { $0.status == .behind }.count) behind, "
                         + "\(alerts.filter { $0.status == .atRisk }.count) at risk (fact_pacing)")
        }
        for move in s.providers where move.isTransition {
            lines.append("  provider \(move.provider) \(Period(grain: move.grain, start: move.periodStart, end: move.periodEnd).label): "
                         + "\(move.before.rawValue) → \(move.after.rawValue)" + (move.failing.isEmpty ? "" : " (\(move.failing))"))
        }
        if !s.unscored.isEmpty {
            lines.append("note: not scored (no scorecard for their role): "
                         + s.unscored.map { "\($0.id) \($0.name) (\($0.role))" }.joined(separator: ", "))
        }
        return lines
    }

    /// What the refresh did with sales stored under two channels (`same_order:`); nothing when there were none.
    /// How many orders changed how they count is news only after an incremental refresh (`changes`): after a
    /// full one every order was settled anew.
    package static func sameOrderLines(_ s: SameOrders.Summary, changes: Bool, invocation: Invocation) -> [String] {
        var lines: [String] = []
        func orders(_ n: Int) -> String { "\(n) order\(n == 1 ? "" : "s")" }
        if s.countedOnce + s.awaitingCopy + s.undecided > 0 {
            var line = "same order: \(s.countedOnce) sale\(s.countedOnce == 1 ? "" : "s") stored under two channels, counted once where "
                + "`same_order` says (\(invocation.command("export", "--table", "v_same_order")))"
            if s.awaitingCopy > 0 {
                line += "; \(orders(s.awaitingCopy)) name\(s.awaitingCopy == 1 ? "s" : "") a copy not loaded yet and count\(s.awaitingCopy == 1 ? "s" : "") where \(s.awaitingCopy == 1 ? "it is" : "they are") until it arrives"
            }
            if changes, s.changed > 0 { line += "; \(orders(s.changed)) changed how they count since the last refresh" }
            lines.append(line)
            if s.severalCopies > 0 {
                lines.append("note: \(s.severalCopies) sale\(s.severalCopies == 1 ? " is" : "s are") named by more than one order of the channel "
                             + "that counts (an app that synced one order twice); one counts, the others are left out as copies (v_same_order)")
            }
            if s.undecided > 0 {
                lines.append("warning: \(s.undecided) sale\(s.undecided == 1 ? "" : "s") stored in channels no one `same_order` rule decides "
                             + "(a rule removed, or copies in three channels); every copy counts")
            }
        }
        for channel in s.emptyChannels {
            lines.append("warning: a `same_order` rule names channel `\(channel)`, of which the store holds no order (a misspelt "
                         + "`platform:`, or its exports not loaded yet); until it does, copies naming it count where they are")
        }
        for (files, count) in s.loadedBeforeRule.sorted(by: { $0.key < $1.key }) {
            lines.append("warning: \(orders(count)) from \(files.hasPrefix("stream ") ? files : "source `\(files)`") were loaded before its `same_order` rule, "
                         + "so their tags and notes were never read and a copy of them in another channel may count twice; load the "
                         + "inbox again into a new store (another `--store`) to read them under the rule")
        }
        return lines
    }

    /// Records counted at company level only because no roster entry owns them.
    package static func unattributedLine(_ u: Unattributed) -> String {
        var parts = u.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        if let orders = parts.firstIndex(where: { $0.hasSuffix(" orders") }), !u.ordersByShop.isEmpty {
            parts[orders] += " (" + u.ordersByShop.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        return "unattributed (company level only; no roster owner): " + parts.joined(separator: ", ")
    }

    /// SKUs sold on days no unit cost was in force for, and what that leaves out.
    package static func uncostedLine(_ skus: [String]) -> String {
        let shown = skus.prefix(10).map { $0.escapingControlCharacters() }.joined(separator: ", ") + (skus.count > 10 ? ", …" : "")
        return "costs: \(skus.count) SKU\(skus.count == 1 ? "" : "s") sold on days no unit cost was in force for (\(shown)); "
            + "cogs and gross_margin are left out of the periods and scopes \(skus.count == 1 ? "it" : "they") sold in "
            + "until the costs file gives \(skus.count == 1 ? "it a cost" : "them costs") from an earlier date"
    }

    /// Shops whose margin a profile cannot compute for want of settlement fees, with the months.
    package static func feesLine(profile: String, shops: [(shop: String, months: [String])]) -> String {
        "fees: \(profile) deducts settlement fees from gross_margin (margin_fees), and these shops sold in "
            + "months their loaded settlements do not cover to the day: "
            + shopMonths(shops)
            + "; gross_margin is left out of those months for those shops and for every scope they are part of (the "
            + "company included) until their settlement or payout reports are loaded"
    }

    /// `amazon-us (2026-09, 2026-10), walmart-us (2026-10)`: shops and the months a line names them for.
    static func shopMonths(_ shops: [(shop: String, months: [String])]) -> String {
        shops.map { "\($0.shop.escapingControlCharacters()) (\($0.months.joined(separator: ", ")))" }.joined(separator: ", ")
    }

    /// What a retract took out and put back, per table.
    package static func retractionLine(_ r: RetractOutcome) -> String {
        let removed = r.removed.values.reduce(0, +)
        let tables = r.removed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "retracted: \(removed) record\(removed == 1 ? "" : "s") removed" + (tables.isEmpty ? "" : " (\(tables))")
            + ", \(r.quarantineRemoved) quarantined row\(r.quarantineRemoved == 1 ? "" : "s"), \(r.ledgerRemoved) ledger entr\(r.ledgerRemoved == 1 ? "y" : "ies"); "
            + "\(r.reapplied) record\(r.reapplied == 1 ? "" : "s") of the same keys re-applied from the other loaded files; every period recomputed"
    }

    /// What the `notify:` webhooks were told: one line for those that took it, one per failure.
    package static func deliveryLines(_ deliveries: [Notifications.Delivery]) -> [String] {
        var lines: [String] = []
        let told = deliveries.filter { $0.failure == nil }
        if !told.isEmpty {
            let byWebhook = Dictionary(grouping: told, by: \.webhook).sorted { $0.key < $1.key }
            lines.append("notified: " + byWebhook.map { "\($0.key) (\($0.value.map(\.event.rawValue).joined(separator: ", ")))" }
                .joined(separator: "; "))
        }
        lines += deliveries.compactMap(\.undelivered).map { $0.escapingControlCharacters() + " (exit code 1)" }
        return lines
    }

    /// How many changed rows the summary lists before pointing at `fact_changes`.
    package static let changesShown = 20

    /// A few plain lines: each file, then the totals and where the results are.
    package var text: String {
        var lines = ["kpibridge \(command) · run #\(runID) · store \(store)"]
        if let lockNote { lines.append("note: \(lockNote)") }
        lines += streams.map(\.line)
        for file in files {
            switch file.status {
            case .loaded(let s):
                var detail = "\(s.rowsLoaded) rows loaded"
                if s.rowsQuarantined > 0 { detail += ", \(s.rowsQuarantined) quarantined" }
                if s.rowsSkipped > 0 { detail += ", \(s.rowsSkipped) skipped as non-data" }
                let routing = file.routing.map { ", \($0)" } ?? ""
                lines.append("  loaded   \(file.file) [\(file.connector)\(routing)] \(detail)")
                if !file.unknownColumns.isEmpty {
                    lines.append("           new columns the connector does not know: " + file.unknownColumns.map { "`\($0)`" }.joined(separator: ", "))
                }
                if !file.absentOptionalColumns.isEmpty {
                    lines.append("           no column " + file.absentOptionalColumns.joined(separator: ", ")
                                 + ": read as the connector's default (empty when it names none), which it allows")
                }
                for unfed in file.unfedMetrics { lines.append("           feeds " + unfed) }
            case .skipped(let reason):
                lines.append("  skipped  \(file.file) (\(reason))")
            case .failed(let reason):
                lines.append("  FAILED   " + reason.escapingControlCharacters(keepingNewlines: true)
                    .replacingOccurrences(of: "\n", with: "\n           "))
            }
        }
        if let retraction {
            lines.append(Self.retractionLine(retraction))
        } else {
            lines.append("files: \(filesRead) read, \(filesSkipped) skipped" + (filesFailed > 0 ? ", \(filesFailed) FAILED" : "")
                         + " · rows: \(rowsLoaded) loaded, \(rowsQuarantined) quarantined")
        }
        if let refresh {
            var nothingRecomputed = false
            switch refresh.refresh {
            case .full(let reason):
                lines.append("facts: \(factRows) rows in fact_metric (\(Self.counts(refresh.facts))); all periods recomputed: \(reason)")
            case .incremental(let scope, _, _) where scope.isEmpty:
                nothingRecomputed = true
                lines.append("facts: \(refresh.refresh.summary); fact tables unchanged")
            case .incremental:
                lines.append("facts: \(refresh.refresh.summary); \(factRows) rows in those periods of fact_metric "
                             + "(\(Self.counts(refresh.facts)))")
            }
            if !nothingRecomputed {
                var incremental = false
                if case .incremental = refresh.refresh { incremental = true }
                let rows = incremental ? "rows in those periods of fact_reconciliation" : "rows in fact_reconciliation"
                lines.append("reconciliation: \(reconciliationRows) \(rows) (\(Self.counts(refresh.reconciliation))), "
                             + "\(bridgeRows) bridge steps, \(detailRows) differing records in reconciliation_detail")
            }
            lines += changeLines(refresh)
            if let scoring = refresh.scoring { lines += Self.scoringLines(scoring) }
            if !refresh.unattributed.isEmpty {
                var line = Self.unattributedLine(refresh.unattributed)
                if case .incremental = refresh.refresh { line += " (among the records read to recompute those periods)" }
                lines.append(line)
            }
            if !refresh.uncostedSKUs.isEmpty { lines.append(Self.uncostedLine(refresh.uncostedSKUs)) }
            if !refresh.shopsWithoutReturns.isEmpty {
                lines.append("returns: these shops shipped in months no return of theirs was received in (none, or their returns "
                             + "export is not loaded): " + Self.shopMonths(refresh.shopsWithoutReturns)
                             + "; return_rate is left out of those months for every scope they shipped in")
            }
            if !refresh.shopsWithoutCustomers.isEmpty {
                lines.append("customers: these shops sold to buyers their exports do not name (no buyer column, or no "
                             + "`customers.salt` in kpibridge.yaml when they were loaded): " + Self.shopMonths(refresh.shopsWithoutCustomers)
                             + "; repurchase_rate and retention_rate are left out of every scope and window those orders fall in")
            }
            for (profile, shops) in refresh.shopsWithoutFees.sorted(by: { $0.key < $1.key }) {
                lines.append(Self.feesLine(profile: profile, shops: shops))
            }
            var incremental = false
            if case .incremental = refresh.refresh { incremental = true }
            lines += Self.sameOrderLines(refresh.sameOrders, changes: incremental, invocation: invocation)
        }
        if let tracking, tracking.ordersAttached + tracking.unlinkedNumbers + tracking.scansBeforePurchase > 0 {
            var line = "tracking: carrier scans attached by tracking number to \(tracking.ordersAttached) order\(tracking.ordersAttached == 1 ? "" : "s")"
                + " (\(tracking.eventsChanged) event\(tracking.eventsChanged == 1 ? "" : "s") written now)"
            if tracking.unlinkedNumbers > 0 {
                line += "; \(tracking.unlinkedNumbers) tracking number\(tracking.unlinkedNumbers == 1 ? "" : "s") no order names yet, counted nowhere "
                    + "until a label, outbound or shipment export links \(tracking.unlinkedNumbers == 1 ? "it" : "them") (\(invocation.command("export", "--table", "v_unlinked_tracking")))"
            }
            if tracking.scansBeforePurchase > 0 {
                line += "; \(tracking.scansBeforePurchase) scan\(tracking.scansBeforePurchase == 1 ? "" : "s") dated before \(tracking.scansBeforePurchase == 1 ? "its" : "their") "
                    + "linked order was bought, not attached (a reused or mistyped tracking number)"
            }
            lines.append(line)
        }
        if diagnostics.orphanEvents + diagnostics.orphanRefunds > 0 {
            lines.append("note: \(diagnostics.orphanEvents) fulfillment events and \(diagnostics.orphanRefunds) refunds name orders not loaded yet; they count once their orders arrive")
        }
        if filesFailed > 0 {
            lines.append("\(filesFailed) file\(filesFailed == 1 ? "" : "s") failed and \(filesFailed == 1 ? "was" : "were") not loaded; fix or remove \(filesFailed == 1 ? "it" : "them") and run again (exit code 1)")
        }
        if streamsFailed > 0 {
            lines.append("\(streamsFailed) stream\(streamsFailed == 1 ? "" : "s") failed; \(streamsFailed == 1 ? "its" : "their") state was not advanced, so the next run asks for the same data again (exit code 1)")
        }
        if let missing = refresh?.missingRates {
            lines.append("WAITING FOR RATES: " + missing.description
                         + (missing.factsHeldBack ? "\nScores were not recomputed (the last complete ones stay); the next" : "\nThe next")
                         + " run recomputes every period. (exit code 1)")
        }
        if let held = refresh?.scoring?.held, !held.isEmpty {
            lines.append("SCORES HELD: the targets sheet names what the roster cannot place:")
            lines += held.map { "  " + $0.escapingControlCharacters() }
            lines.append("Correct the sheet or the roster, then run again or `\(invocation.command("score"))`. (exit code 1)")
        }
        if leftUnselected > 0 {
            lines.append("left for the next run: \(leftUnselected) inbox file\(leftUnselected == 1 ? "" : "s") of connectors not in --select")
        }
        if let stale = freshness?.runLine { lines.append(stale) }
        lines += Self.deliveryLines(deliveries)
        if rowsQuarantined > 0 {
            lines.append("quarantined rows: " + invocation.command("export", "--table", "quarantine", "--format", "csv"))
        }
        return lines.joined(separator: "\n")
    }
}
