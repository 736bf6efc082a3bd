import Foundation
import KPIFacts
import KPIPipeline
import KPISchema

extension TraceJob.Result {
    /// The records behind the fact, one line each, with the total and how it compares with the stored row.
    package func text(_ language: DisplayLanguage) -> String {
        let say = language.pick
        let metric = target.metric.rawValue
        let name = language == .zh ? DisplayNames.metric(metric, .zh) : metric
        let scope = language == .zh ? "\(DisplayNames.scopeType(target.scopeType.rawValue, .zh)) \(target.scopeID)"
            : "\(target.scopeType.rawValue):\(target.scopeID)"
        let grain = language == .zh ? DisplayNames.grain(target.period.grain.rawValue, .zh) : target.period.grain.rawValue
        let days = say(" (\(target.period.start)…\(target.period.end))", "（\(target.period.start) 至 \(target.period.end)）")
        var lines = ["\(name) · \(say("profile", "口径")) \(profile.name) v\(profile.version) · \(grain) \(target.period.label)"
                     + "\(days) · \(scope)".escapingControlCharacters()]
        let ratio = isRatio
        if FactTrace.wholePeriod.contains(target.metric) {
            lines.append(say("  \(metric) is computed from the period as a whole: the records are listed, their differences are no shares of it.",
                             "  \(name)是按整个周期计算的：下面列出各条记录，但它们带来的变化不是该值的份额。"))
        }
        let rows = records.map { record -> [String] in
            let share: String
            if let value = record.value { share = Self.number(value) }
            else if let n = record.numerator, let d = record.denominator { share = "\(Self.number(n)) / \(Self.number(d))" }
            else { share = "" }
            return [DisplayNames.recordKind(record.kind, language), record.id.escapingControlCharacters(),
                    record.source.escapingControlCharacters(), share, record.note.map { $0(language) } ?? ""]
        }
        let widths = (0..<3).map { column in rows.map { TerminalWidth.of($0[column]) }.max() ?? 0 }
        for row in rows {
            let note = row[4].isEmpty ? "" : "  " + row[4]
            lines.append("  " + (0..<3).map { TerminalWidth.pad(row[$0], widths[$0]) }.joined(separator: "  ") + "  " + row[3] + note)
        }
        let count = records.reduce(0) { $0 + $1.records }
        let sum: String
        if ratio {
            let n = records.compactMap(\.numerator).reduce(0, +), d = records.compactMap(\.denominator).reduce(0, +)
            sum = "\(Self.number(n)) / \(Self.number(d))" + (d == 0 ? "" : " = \(Self.number(n / d))")
        } else {
            sum = Self.number(records.compactMap(\.value).reduce(0, +))
        }
        // Without a value there is no total to give: the records are what reached the fact.
        if replayed != nil {
            lines.append(say("  total: \(sum) from \(records.count) record\(records.count == 1 ? "" : "s") (record count \(count))",
                             "  合计：\(sum)，来自 \(records.count) 条记录（记录数 \(count)）"))
        }
        lines.append("  " + verdict(language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the metric is a ratio or mean (its shares are numerator and denominator).
    var isRatio: Bool { records.contains { $0.numerator != nil } || replayed?.numerator != nil || stored?.numerator != nil }

    /// How the replayed fact compares with the stored row.
    func verdict(_ language: DisplayLanguage) -> String {
        let say = language.pick
        if let closed, stored?.value != replayed?.value || stored?.recordCount != replayed?.recordCount {
            let kept = stored.map { Self.number($0.value) } ?? say("no value", "无值"), now = replayed.map { Self.number($0.value) } ?? say("no value", "无值")
            return say("\(closed.period.label) is closed (by \(closed.closedBy), \(closed.closedAt.iso8601)): fact_metric keeps \(kept); the records "
                       + "stored now make \(now), a restatement (v_restatements); `kpibridge reopen` recomputes the period.",
                       "\(closed.period.label) 已结账（\(closed.closedBy)，\(closed.closedAt.iso8601)）：fact_metric 保持 \(kept)；当前存储的记录算出 "
                       + "\(now)，记为重述（v_restatements）；`kpibridge reopen` 会重新计算该周期。")
        }
        switch (stored, replayed) {
        case (nil, nil):
            return say("fact_metric has no row, and these records give it no value (`kpibridge run` names what is missing: "
                       + "exchange rates, unit costs, settlements, returns).",
                       "fact_metric 中没有这一行，这些记录也算不出它的值（`kpibridge run` 会说明缺少什么：汇率、单位成本、结算报告、退货报告）。")
        case (let stored?, let replayed?) where stored.value == replayed.value && stored.recordCount == replayed.recordCount:
            return say("fact_metric: \(Self.number(stored.value)) (\(stored.recordCount) records): the records add up to it.",
                       "fact_metric：\(Self.number(stored.value))（\(stored.recordCount) 条记录）：与上述记录之和相符。")
        case (let stored?, nil):
            return say("fact_metric holds \(Self.number(stored.value)), but the records stored now give it no value: "
                       + "the store changed since its last refresh; `kpibridge run` brings it up to date.",
                       "fact_metric 中为 \(Self.number(stored.value))，但当前存储的记录算不出该值：存储在上次刷新后有变化，请运行 `kpibridge run` 更新。")
        case (nil, let replayed?):
            return say("fact_metric has no row; the records stored now make it \(Self.number(replayed.value)): "
                       + "the store changed since its last refresh; `kpibridge run` brings it up to date.",
                       "fact_metric 中没有这一行；当前存储的记录算出 \(Self.number(replayed.value))：存储在上次刷新后有变化，请运行 `kpibridge run` 更新。")
        case (let stored?, let replayed?):
            return say("fact_metric holds \(Self.number(stored.value)) (\(stored.recordCount) records), the records stored now make "
                       + "\(Self.number(replayed.value)) (\(replayed.recordCount)): the store changed since its last refresh; "
                       + "`kpibridge run` brings it up to date.",
                       "fact_metric 中为 \(Self.number(stored.value))（\(stored.recordCount) 条记录），当前存储的记录算出 "
                       + "\(Self.number(replayed.value))（\(replayed.recordCount) 条）：存储在上次刷新后有变化，请运行 `kpibridge run` 更新。")
        }
    }

    /// One record per row: kind, record, source, value, numerator, denominator, records, note (English).
    package func csv() -> String {
        let header = "kind,record,source,value,numerator,denominator,records,note\r\n"
        return header + records.map { record in
            [CellText.csv(.text(record.kind)), CellText.csv(.text(record.id)), CellText.csv(.text(record.source)),
             record.value.map(Self.number) ?? "", record.numerator.map(Self.number) ?? "", record.denominator.map(Self.number) ?? "",
             String(record.records), CellText.csv(.text(record.note?.en ?? ""))].joined(separator: ",")
        }.joined(separator: "\r\n") + (records.isEmpty ? "" : "\r\n")
    }

    /// The target, the stored and replayed rows, and every record, as one JSON object.
    package func json() -> String {
        func fact(_ fact: FactMetric?) -> String {
            guard let fact else { return "null" }
            return "{\"value\":\(Self.number(fact.value)),\"numerator\":\(fact.numerator.map(Self.number) ?? "null"),"
                + "\"denominator\":\(fact.denominator.map(Self.number) ?? "null"),\"record_count\":\(fact.recordCount)}"
        }
        let items = records.map { record in
            "{\"kind\":\(JSONText.quoted(record.kind)),\"record\":\(JSONText.quoted(record.id)),\"source\":\(JSONText.quoted(record.source)),"
                + "\"value\":\(record.value.map(Self.number) ?? "null"),\"numerator\":\(record.numerator.map(Self.number) ?? "null"),"
                + "\"denominator\":\(record.denominator.map(Self.number) ?? "null"),\"records\":\(record.records),"
                + "\"excluded\":\(record.excluded),\"note\":\(record.note.map { JSONText.quoted($0.en) } ?? "null"),\"note_zh\":\(record.note.map { JSONText.quoted($0.zh) } ?? "null")}"
        }
        return "{\"metric\":\(JSONText.quoted(target.metric.rawValue)),\"profile\":\(JSONText.quoted(profile.name)),"
            + "\"profile_version\":\(profile.version),\"grain\":\(JSONText.quoted(target.period.grain.rawValue)),"
            + "\"period_start\":\(JSONText.quoted(target.period.start.description)),\"scope_type\":\(JSONText.quoted(target.scopeType.rawValue)),"
            + "\"scope_id\":\(JSONText.quoted(target.scopeID)),\"stored\":\(fact(stored)),\"replayed\":\(fact(replayed)),"
            + "\"records\":[" + items.joined(separator: ",") + "]}\n"
    }

    /// A share as written: plain decimal notation, at most six places (a converted amount carries more).
    static func number(_ value: Decimal) -> String { value.rounded(scale: 6).plainString }
}
