import Foundation
import KPIPipeline
import KPISchema
import KPIStore
import KPIWorkspace

extension ScoreReport {
    /// One line per card: who, scorecard, total, grade, veto; then the command that explains a card.
    package func summary(_ invocation: Invocation = Invocation(), language: DisplayLanguage = .en) -> String {
        let say = language.pick
        var lines = [say("\(period.grain.rawValue) \(period.label) scorecards",
                         "\(DisplayNames.grain(period.grain.rawValue, .zh)) \(period.label) 考核表")] + heldLines(language)
        for row in rows where row["line"] == .text("total") {
            let veto = row["veto"].map { $0 == .null ? "" : say("  veto: ", "  一票否决：") + Self.sentence(row, "veto", language) } ?? ""
            lines.append("  \(Self.text(row["scope_id"]).padding(toLength: 5, withPad: " ", startingAt: 0)) "
                         + "\(Self.text(row["name"]))  \(Self.text(row["scorecard"]))  \(say("total", "总分")) \(Self.text(row["total"]))  "
                         + "\(say("grade", "等级")) \(DisplayNames.grade(Self.text(row["grade"]), language))\(veto)")
        }
        lines.append(say("details: ", "明细：") + invocation.command("explain", "--employee", "ID", "--period", period.label))
        return lines.joined(separator: "\n")
    }

    /// A NOTE line when the latest run held the scores back, with the run's own message.
    private func heldLines(_ language: DisplayLanguage) -> [String] {
        held.map { [language.pick("NOTE: ", "注意：") + $0(language).escapingControlCharacters()] } ?? []
    }

    /// A stored sentence in `language`: the `_zh` column for Chinese when written, else the English one.
    private static func sentence(_ row: [String: TableValue], _ column: String, _ language: DisplayLanguage) -> String {
        row.chinese(column, for: language) ?? text(row[column])
    }

    /// A card line's name: its code in English (`gmv`, `rating:工作态度`); in Chinese the metric's name beside it.
    private static func lineName(_ line: String, _ language: DisplayLanguage) -> String {
        guard language == .zh else { return line }
        // A rated line as the report names it: 工作态度（评分）.
        if line.hasPrefix("rating:") { return String(line.dropFirst("rating:".count)) + "（评分）" }
        return "\(DisplayNames.metric(line, .zh)) (\(line))"
    }

    /// Every line of one card: actual with its definition and record count, target and why,
    /// achievement, weight, points; then total, grade and any veto with its source record.
    package func explain(_ id: String, language: DisplayLanguage = .en) throws(PipelineError) -> String {
        let (mine, total) = try card(id)
        let say = language.pick
        // Labels padded to one column width, a Chinese character taking two.
        func label(_ en: String, _ zh: String) -> String { "    " + TerminalWidth.pad(say(en, zh), 12) }
        let grain = language == .zh ? DisplayNames.grain(period.grain.rawValue, .zh) : period.grain.rawValue
        var lines = ["\(Self.text(total["name"])) (\(id)) · \(Self.text(total["role"])) · \(say("scorecard", "考核表")) "
                     + "\(Self.text(total["scorecard"])) · \(grain) \(period.label) (\(period.start)…\(period.end))"] + heldLines(language)
        if total["target_basis"] != .null { lines.append("  \(Self.sentence(total, "target_basis", language))") }
        for row in mine where row["line"] != .text("total") {
            lines.append("")
            lines.append("  \(Self.lineName(Self.text(row["line"]), language))  \(say("weight", "权重")) \(Self.text(row["weight"]))"
                         + (row["effective_weight"] == row["weight"] ? "" : " → \(Self.text(row["effective_weight"]))"))
            if row["actual"] == .null {
                lines.append(label("actual", "实际") + say("NO_DATA (no data in the period)", "无数据（本期没有这项的数据）"))
            } else {
                let count = row["record_count"].map { value -> String in
                    guard value != .null else { return "" }
                    return say(", \(Self.text(value)) record" + (value == .integer(1) ? "" : "s"), "，\(Self.text(value)) 条记录")
                } ?? ""
                lines.append(label("actual", "实际") + "\(Self.text(row["actual"]))\(count)")
            }
            if row["definition"] != .null {
                let definition = Self.text(row["definition"])
                lines.append(label("definition", "定义") + (language == .zh ? DisplayNames.definition(definition, .zh) : definition))
            }
            if row["target"] != .null || row["target_basis"] != .null {
                let basis = row["target_basis"] == .null ? "" : say(" (\(Self.sentence(row, "target_basis", language)))",
                                                                   "（\(Self.sentence(row, "target_basis", language))）")
                lines.append(label("target", "目标") + Self.text(row["target"]) + basis)
            }
            if row["achievement"] != .null {
                let uncapped = row["achievement_uncapped"].flatMap { $0 == .null ? nil : Self.text($0) }
                lines.append(label("achievement", "达成率") + Self.text(row["achievement"])
                             + (uncapped.map { say(" (capped; uncapped \($0))", "（封顶；未封顶 \($0)）") } ?? ""))
            }
            lines.append(label("points", "得分") + Self.text(row["points"]))
            if row["note"] != .null { lines.append(label("note", "备注") + Self.sentence(row, "note", language)) }
        }
        lines.append("")
        let bonus = total["bonus_coefficient"].flatMap { $0 == .null ? nil : Self.text($0) }
        lines.append("  \(say("total", "总分")) \(Self.text(total["total"])) · \(say("grade", "等级")) \(DisplayNames.grade(Self.text(total["grade"]), language))"
                     + (bonus.map { " · " + say("bonus ×\($0)", "奖金系数 ×\($0)") } ?? ""))
        // The note's clauses but the veto's, which has its own line below: the missing-data policy, and the
        // points violations took off.
        if total["note"] != .null {
            let vetoed = say("vetoed: total set to 0, line points kept", "一票否决：总分记 0，各项得分保留")
            var rest = Self.sentence(total, "note", language).replacingOccurrences(of: say("; ", "；") + vetoed, with: "")
            if rest == vetoed { rest = "" }
            if !rest.isEmpty && !rest.hasPrefix("NO_DATA") { lines.append("  \(rest)") }
        }
        if total["veto"] != .null {
            lines.append(say("  VETO: \(Self.text(total["veto"])); line points are kept above, the total is 0",
                             "  一票否决：\(Self.sentence(total, "veto", .zh))；以上各项得分保留，总分为 0"))
        }
        if total["review"] != nil && total["review"] != .null { lines.append("  " + Self.sentence(total, "review", language)) }
        return lines.joined(separator: "\n")
    }

    /// The same card as one JSON object: its `fact_score` rows (lines, then the total) with every column.
    package func explainJSON(_ id: String) throws(PipelineError) -> String {
        let (mine, total) = try card(id)
        let lines = mine.filter { $0["line"] != .text("total") } + [total]
        let objects = lines.map { row in
            "{" + StoreTable.factScore.columns.map { "\(JSONText.quoted($0)):\(CellText.json(row[$0] ?? .null))" }.joined(separator: ",") + "}"
        }
        return "{\"employee\":\(JSONText.quoted(id)),\"grain\":\(JSONText.quoted(period.grain.rawValue)),"
            + "\"period\":\(JSONText.quoted(period.label)),\"held\":\(held.map { JSONText.quoted($0.en) } ?? "null"),"
            + "\"lines\":[" + objects.joined(separator: ",") + "]}"
    }

    /// One card's rows and its total row; an error naming who was scored when `id` was not.
    private func card(_ id: String) throws(PipelineError) -> (rows: [[String: TableValue]], total: [String: TableValue]) {
        let mine = rows.filter { $0["scope_id"] == .text(id) }
        guard let total = mine.first(where: { $0["line"] == .text("total") }) else {
            let known = Set(rows.map { Self.text($0["scope_id"]) }).sorted().joined(separator: ", ")
            throw .failed(Bilingual("no \(period.label) scorecard for `\(id)`; scored: \(known)",
                                    "`\(id)` 没有 \(period.label) 的考核表；已计算得分的：\(known)"))
        }
        return (mine, total)
    }
}
