import KPIPipeline
import KPISchema

extension PruneReport {
    package var text: String { text(language: .en) }

    package func text(language l: DisplayLanguage) -> String {
        let rows = [("runs", result.runs), ("load_ledger", result.ledger), ("quarantine", result.quarantine),
                    ("fact_changes", result.factChanges)]
        let title = l.pick("kpibridge prune · run history before \(before)", "kpibridge prune · \(before) 之前的运行历史")
            + (dryRun ? l.pick(" (dry run: nothing deleted)", "（试运行：未删除任何内容）") : "")
        return ([title]
                + rows.map { "  \($0.0.padding(toLength: 13, withPad: " ", startingAt: 0)) \(String($0.1).leftPadded(to: 8))"
                    + (dryRun ? l.pick(" would go", " 将删除") : l.pick(" deleted", " 已删除")) }
                + [l.pick("records and fact tables are kept, and so is each pruned file's identity: re-sent, it is skipped, "
                              + "so an old export never loads over later corrections",
                          "记录和事实表保留，被清理文件的身份也保留：再次送来时会被跳过，旧导出不会覆盖之后的更正")]).joined(separator: "\n")
    }
}
private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
