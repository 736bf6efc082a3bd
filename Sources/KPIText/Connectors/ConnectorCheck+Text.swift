import KPIConnectors
import KPIPipeline
import KPISchema

extension ConnectorCheck {
    package var text: String { text(language: .en) }

    package func text(language l: DisplayLanguage) -> String {
        var lines = [l.pick("\(file) read as \(connector)" + (headerLine > 0 ? ", header on line \(headerLine)" : ""),
                            "\(file) 按 \(connector) 读取" + (headerLine > 0 ? "，表头在第 \(headerLine) 行" : ""))]
        lines.append(l.pick("fields:", "字段："))
        for (field, header) in fieldColumns {
            lines.append("  \(field) ← " + (header.map { "`\($0)`" } ?? l.pick("(no column)", "（无此列）")))
        }
        if !unknownColumns.isEmpty {
            let columns = unknownColumns.map { "`\($0)`" }
            lines.append(l.pick("columns the connector does not know: " + columns.joined(separator: ", "),
                                "连接器不认识的列：" + columns.joined(separator: "、")))
        }
        lines += unfedMetrics.map { l.pick("feeds " + $0.en, $0.zh) }
        lines.append(l.pick("rows: \(stats.rowsRead) read, \(stats.rowsLoaded) would load, \(stats.rowsSkipped) skipped as non-data, "
                                + "\(stats.rowsQuarantined) would be quarantined",
                            "行：读取 \(stats.rowsRead) 行，将加载 \(stats.rowsLoaded) 行，跳过非数据行 \(stats.rowsSkipped) 行，将隔离 \(stats.rowsQuarantined) 行"))
        // Kinds are record codes (`order_line`, `return`): Chinese counts them rather than names them.
        let counted = kinds.keys.sorted().map { l.pick("\(kinds[$0]!) \($0)", "\($0) \(kinds[$0]!) 条") }
        lines.append(l.pick("records: ", "记录：") + (kinds.isEmpty ? l.pick("none", "无") : counted.joined(separator: l.pick(", ", "，"))))
        if !sample.isEmpty {
            lines.append(l.pick("first records:", "前几条记录："))
            lines += sample.map { "  " + $0 }
        }
        lines.append(problems.isEmpty ? l.pick("problems: none", "问题：无") : l.pick("problems (\(problems.count)):", "问题（\(problems.count) 个）："))
        lines += problems.map { "  " + $0(l) }
        lines.append(l.pick("nothing was written", "未写入任何内容"))
        return lines.joined(separator: "\n")
    }
}
