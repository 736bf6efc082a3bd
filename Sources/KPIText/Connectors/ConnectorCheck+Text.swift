import KPIConnectors
import KPIPipeline

extension ConnectorCheck {
    package var text: String {
        var lines = ["\(file) read as \(connector)" + (headerLine > 0 ? ", header on line \(headerLine)" : "")]
        lines.append("fields:")
        for (field, header) in fieldColumns {
            lines.append("  \(field) ← " + (header.map { "`\($0)`" } ?? "(no column)"))
        }
        if !unknownColumns.isEmpty {
            lines.append("columns the connector does not know: " + unknownColumns.map { "`\($0)`" }.joined(separator: ", "))
        }
        lines += unfedMetrics.map { "feeds " + $0 }
        lines.append("rows: \(stats.rowsRead) read, \(stats.rowsLoaded) would load, \(stats.rowsSkipped) skipped as non-data, \(stats.rowsQuarantined) would be quarantined")
        lines.append("records: " + (kinds.isEmpty ? "none" : kinds.keys.sorted().map { "\(kinds[$0]!) \($0)" }.joined(separator: ", ")))
        if !sample.isEmpty {
            lines.append("first records:")
            lines += sample.map { "  " + $0 }
        }
        lines.append(problems.isEmpty ? "problems: none" : "problems (\(problems.count)):")
        lines += problems.map { "  " + $0 }
        lines.append("nothing was written")
        return lines.joined(separator: "\n")
    }
}
