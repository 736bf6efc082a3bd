import Foundation
import KPIPipeline
import KPISchema
import KPIStore

extension ReconcileReport {
    private static func text(_ value: TableValue?) -> String { CellText.plain(value) }

    private func words(_ language: DisplayLanguage?) -> ReconcileWords { ReconcileWords(language ?? .en) }

    /// Both values, the delta, the concepts that differ, the bridge from one value to the other cause by
    /// cause, and — with `listRecords` — each record behind the difference.
    package func text(language: DisplayLanguage? = nil, listRecords: Bool = false) -> String {
        let w = words(language)
        let money = !Self.text(summary["currency"]).isEmpty
        let s = { (column: String) -> String in
            let text = Self.text(summary[column])
            guard money, ["value_a", "value_b", "value_b_in_a", "delta"].contains(column), let value = Decimal(plain: text) else { return text }
            return value.fixed(2)
        }
        let a = query.pair.a, b = query.pair.b
        let unitSuffix = s("currency").isEmpty ? "" : " " + s("currency")
        let metricName = language.map { "\(DisplayNames.metric(query.metric, $0)) (\(query.metric))" } ?? query.metric
        let definition = { (text: String) in language.map { DisplayNames.definition(text, $0) } ?? text }
        let grain = language.map { DisplayNames.grain(query.period.grain.rawValue, $0) } ?? query.period.grain.rawValue
        let scope = language.map { DisplayNames.scopeType(query.scopeType.rawValue, $0) } ?? query.scopeType.rawValue
        // The company's one scope id `all` is a code; in Chinese 公司 says it.
        let scopeID = language == .zh && query.scopeType == .company ? "" : " \(query.scopeID)"
        var lines = ["\(metricName) · \(grain) \(query.period.label) · \(scope)\(scopeID)"]
        let valueA = s("value_a").isEmpty ? w.noData : s("value_a") + unitSuffix
        var valueB = s("value_b").isEmpty ? w.noData : s("value_b")
        if !s("value_b").isEmpty, s("value_b") != s("value_b_in_a") || !s("currency").isEmpty {
            if let fact = currencyOfB, fact != s("currency") {
                valueB += " \(fact) = \(s("value_b_in_a"))\(unitSuffix)"
            } else {
                valueB += unitSuffix
            }
        }
        let width = max(valueA.count, valueB.count)
        lines.append("  \(a)  \(valueA.padding(toLength: width, withPad: " ", startingAt: 0))  \(definition(s("definition_a")))")
        lines.append("  \(b)  \(valueB.padding(toLength: width, withPad: " ", startingAt: 0))  \(definition(s("definition_b")))")
        let zh = language == .zh
        lines.append("  \(w.delta)" + (zh ? "（\(b) − \(a)）：" : " (\(b) − \(a)): ") + (s("delta").isEmpty ? w.noData : s("delta") + unitSuffix))
        let concepts = s("differing_concepts").split(separator: ",").map { c in language.map { DisplayNames.concept(String(c), $0) } ?? String(c) }
        lines.append("  \(w.differOn)" + (zh ? "：" + concepts.joined(separator: "、") : ": " + concepts.joined(separator: ", ")))
        lines.append("  " + w.counts(a, b, s("records_only_a"), s("records_only_b"), s("records_differing")))
        guard detailKept else {
            lines.append("")
            lines.append(w.notKept(query.period.grain.rawValue))
            return lines.joined(separator: "\n")
        }
        lines.append("")
        if bridge.isEmpty {
            lines.append(w.noBridge)
        } else {
            lines += bridgeLines(language ?? .en, money: money)
        }
        lines.append("")
        guard listRecords || records.isEmpty else {
            lines.append(w.recordsHint(records.count))
            return lines.joined(separator: "\n")
        }
        lines.append(records.isEmpty ? w.noRecords : w.records + (zh ? "（\(records.count) 条）：" : " (\(records.count)):"))
        // The side column padded by terminal columns (两边 and 仅cn differ in width as they do in characters).
        let sideWidth = [w.both, w.only(a), w.only(b)].map(TerminalWidth.of).max() ?? 0
        for r in records {
            let side = TerminalWidth.pad(Self.text(r["in_a"]) == "1" ? (Self.text(r["in_b"]) == "1" ? w.both : w.only(a)) : w.only(b), sideWidth)
            let reasons = Self.text(r["reasons"]).split(separator: ",").map { code in
                language.map { DisplayNames.reason(String(code), $0) } ?? String(code)
            }.joined(separator: ", ")
            lines.append("  \(side)  \(Self.explanation(r, language))")
            lines.append("      [\(reasons)] \(Self.text(r["source_file"])):\(Self.text(r["source_line"]))")
        }
        return lines.joined(separator: "\n")
    }

    /// The walk from A's value to B's: one line per step with its records, signed effect and running value.
    private func bridgeLines(_ language: DisplayLanguage, money: Bool) -> [String] {
        let w = ReconcileWords(language)
        let number = { (value: TableValue?) -> String in
            let text = Self.text(value)
            guard let value = Decimal(plain: text) else { return text }
            return money ? value.fixed(2) : text
        }
        let signed = { (value: TableValue?) -> String in
            let text = number(value)
            return text.isEmpty || text.hasPrefix("-") ? text : "+" + text
        }
        let a = query.pair.a, b = query.pair.b
        let currency = Self.text(summary["currency"])
        let converted = bridge.first.map { Self.text($0["converted_from"]) } ?? ""
        var lines = [w.bridgeHeading(a, b, currency: currency, convertedFrom: converted)]
        typealias Row = (label: String, records: String, effect: String, value: String)
        var rows: [Row] = []
        for step in bridge {
            let code = Self.text(step["cause"])
            let label = code == "start" ? a : code == "end" ? b : DisplayNames.cause(code, language)
            let records = Self.text(step["records"])
            rows.append((label, records.isEmpty ? "" : w.recordCount(records), signed(step["effect"]), number(step["value"])))
        }
        let width = { (column: (Row) -> String) in
            rows.map { TerminalWidth.of(column($0)) }.max() ?? 0
        }
        let widths = (width { $0.label }, width { $0.records }, width { $0.effect }, width { $0.value })
        for row in rows {
            lines.append("  " + TerminalWidth.pad(row.label, widths.0) + "  " + TerminalWidth.pad(row.records, widths.1, leading: true)
                         + "  " + TerminalWidth.pad(row.effect, widths.2, leading: true) + "  "
                         + TerminalWidth.pad(row.value, widths.3, leading: true))
        }
        return lines
    }

    /// The summary, the bridge and the records as one JSON object (cause and metric names per `language`
    /// beside their codes).
    package func json(language: DisplayLanguage? = nil) -> String {
        func object(_ row: [String: TableValue], _ columns: [String], extra: [(String, String)] = []) -> String {
            let fields = columns.compactMap { column in row[column].map { (column, CellText.json($0)) } } + extra
            return "{" + fields.map { "\(JSONText.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
        }
        let summaryColumns = StoreTable.factReconciliation.columns.filter { $0 != "run_id" }
        let bridgeColumns = ["step", "cause", "effect", "value", "records", "currency", "converted_from"]
        let detailColumns = ["record_kind", "record_id", "platform", "shop", "in_a", "in_b", "value_a", "value_b_in_a",
                             "reasons", "explanation", "explanation_zh", "source_file", "source_line"]
        var out = "{\"reconciliation\":" + object(summary, summaryColumns) + ",\"bridge\":["
        out += bridge.map { step in
            let label = language.map { [("cause_label", JSONText.quoted(DisplayNames.cause(Self.text(step["cause"]), $0)))] } ?? []
            return object(step, bridgeColumns, extra: label)
        }.joined(separator: ",")
        out += "],\"records\":[" + records.map { object($0, detailColumns) }.joined(separator: ",") + "]}\n"
        return out
    }

    /// A detail row's explanation in `language`: English unless Chinese is asked for and stored (rows written
    /// before store schema v20 have none until the next refresh rewrites them).
    private static func explanation(_ row: [String: TableValue], _ language: DisplayLanguage?) -> String {
        row.chinese("explanation", for: language) ?? text(row["explanation"])
    }

    /// B's own currency, read from its definition text (`currency=USD`).
    private var currencyOfB: String? {
        DefinitionProfile.variant(of: .currency, in: Self.text(summary["definition_b"]))
    }

    /// The same records as a CSV table (formula injection neutralised), headers per `language`.
    package func csv(language: DisplayLanguage? = nil) -> String {
        let columns = ["metric", "grain", "period_start", "scope_type", "scope_id", "profile_a", "value_a", "profile_b",
                       "value_b", "value_b_in_a", "delta", "record_kind", "record_id", "in_a", "in_b", "reasons",
                       "explanation", "source_file", "source_line"]
        let header = columns.map { column in language.map { DisplayNames.column(column, $0) } ?? column }
        var out = header.map { CellText.csv(.text($0)) }.joined(separator: ",") + "\r\n"
        for record in records.isEmpty ? [[:]] : records {
            let row: [TableValue] = columns.map { column in
                let value = record[column] ?? summary[column] ?? (column == "scope_type" ? .text(query.scopeType.rawValue)
                                                                   : column == "scope_id" ? .text(query.scopeID) : .null)
                if column == "explanation", let language { return .text(Self.explanation(record, language)) }
                guard let language, column == "metric" || column == "reasons" else { return value }
                return TableExporter.translate(value, column: column, language)
            }
            out += row.map(CellText.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
