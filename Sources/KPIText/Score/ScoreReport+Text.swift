import Foundation
import KPIPipeline
import KPISchema
import KPIStore
import KPIWorkspace

extension ScoreReport {
    /// One line per card: who, scorecard, total, grade, veto; then the command that explains a card.
    package func summary(_ invocation: Invocation = Invocation()) -> String {
        var lines = ["\(period.grain.rawValue) \(period.label) scorecards"] + heldLines
        for row in rows where row["line"] == .text("total") {
            let veto = row["veto"].map { $0 == .null ? "" : "  veto: \(Self.text($0))" } ?? ""
            lines.append("  \(Self.text(row["scope_id"]).padding(toLength: 5, withPad: " ", startingAt: 0)) "
                         + "\(Self.text(row["name"]))  \(Self.text(row["scorecard"]))  total \(Self.text(row["total"]))  "
                         + "grade \(Self.text(row["grade"]))\(veto)")
        }
        lines.append("details: " + invocation.command("explain", "--employee", "ID", "--period", period.label))
        return lines.joined(separator: "\n")
    }

    /// A NOTE line when the latest run held the scores back.
    private var heldLines: [String] { held.map { ["NOTE: " + $0.escapingControlCharacters()] } ?? [] }

    /// Every line of one card: actual with its definition and record count, target and why,
    /// achievement, weight, points; then total, grade and any veto with its source record.
    package func explain(_ id: String) throws(PipelineError) -> String {
        let (mine, total) = try card(id)
        var lines = ["\(Self.text(total["name"])) (\(id)) · \(Self.text(total["role"])) · scorecard \(Self.text(total["scorecard"])) · "
                     + "\(period.grain.rawValue) \(period.label) (\(period.start)…\(period.end))"] + heldLines
        if total["target_basis"] != .null { lines.append("  \(Self.text(total["target_basis"]))") }
        for row in mine where row["line"] != .text("total") {
            lines.append("")
            lines.append("  \(Self.text(row["line"]))  weight \(Self.text(row["weight"]))"
                         + (row["effective_weight"] == row["weight"] ? "" : " → \(Self.text(row["effective_weight"]))"))
            if row["actual"] == .null {
                lines.append("    actual      NO_DATA (no data in the period)")
            } else {
                let count = row["record_count"].map { $0 == .null ? "" : ", \(Self.text($0)) record" + ($0 == .integer(1) ? "" : "s") } ?? ""
                lines.append("    actual      \(Self.text(row["actual"]))\(count)")
            }
            if row["definition"] != .null { lines.append("    definition  \(Self.text(row["definition"]))") }
            if row["target"] != .null || row["target_basis"] != .null {
                lines.append("    target      \(Self.text(row["target"]))" + (row["target_basis"] == .null ? "" : " (\(Self.text(row["target_basis"])))"))
            }
            if row["achievement"] != .null { lines.append("    achievement \(Self.text(row["achievement"]))") }
            lines.append("    points      \(Self.text(row["points"]))")
            if row["note"] != .null { lines.append("    note        \(Self.text(row["note"]))") }
        }
        lines.append("")
        lines.append("  total \(Self.text(total["total"])) · grade \(Self.text(total["grade"]))")
        if case .text(let note)? = total["note"], let policy = note.components(separatedBy: "; vetoed").first,
           policy.hasPrefix("missing_data") {
            lines.append("  \(policy)")
        }
        if total["veto"] != .null { lines.append("  VETO: \(Self.text(total["veto"])); line points are kept above, the total is 0") }
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
            + "\"period\":\(JSONText.quoted(period.label)),\"held\":\(held.map(JSONText.quoted) ?? "null"),"
            + "\"lines\":[" + objects.joined(separator: ",") + "]}"
    }

    /// One card's rows and its total row; an error naming who was scored when `id` was not.
    private func card(_ id: String) throws(PipelineError) -> (rows: [[String: TableValue]], total: [String: TableValue]) {
        let mine = rows.filter { $0["scope_id"] == .text(id) }
        guard let total = mine.first(where: { $0["line"] == .text("total") }) else {
            let known = Set(rows.map { Self.text($0["scope_id"]) }).sorted().joined(separator: ", ")
            throw .failed("no \(period.label) scorecard for `\(id)`; scored: \(known)")
        }
        return (mine, total)
    }
}
