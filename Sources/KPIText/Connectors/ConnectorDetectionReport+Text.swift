import KPIConnectors
import KPIPipeline

extension ConnectorDetectionReport {
    package var text: String {
        var lines: [String] = []
        switch choice {
        case .success(let best): lines.append("\(file): \(best.connector) fits (\(best.matched) of \(best.fieldCount) fields found)")
        case .failure(let error): lines.append(error.description)
        }
        if ranked.isEmpty { lines.append("  no connector found any of its columns") }
        for (rank, detection) in ranked.prefix(10).enumerated() {
            var line = "  \(rank + 1). \(detection.connector): \(detection.matched)/\(detection.fieldCount) fields"
            if detection.fits {
                line += ", all needed columns"
            } else if detection.missing.isEmpty {
                line += ", too few of its columns to be sure (needs more than half, or one only it knows)"
            } else {
                line += ", missing " + detection.missing.map { "`\($0)`" }.joined(separator: ", ")
            }
            if detection.headerLine > 0 { line += ", header on line \(detection.headerLine)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
