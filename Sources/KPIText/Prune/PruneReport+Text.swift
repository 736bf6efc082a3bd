import KPIPipeline

extension PruneReport {
    package var text: String {
        let rows = [("runs", result.runs), ("load_ledger", result.ledger), ("quarantine", result.quarantine),
                    ("fact_changes", result.factChanges)]
        return (["kpibridge prune · run history before \(before)" + (dryRun ? " (dry run: nothing deleted)" : "")]
                + rows.map { "  \($0.0.padding(toLength: 13, withPad: " ", startingAt: 0)) \(String($0.1).leftPadded(to: 8))"
                    + (dryRun ? " would go" : " deleted") }
                + ["records and fact tables are kept, and so is each pruned file's identity: re-sent, it is skipped, "
                   + "so an old export never loads over later corrections"]).joined(separator: "\n")
    }
}
private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
