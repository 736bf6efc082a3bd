import KPIPipeline
import KPISchema

extension Doctor {
    /// A line per finding (`ok` or `PROBLEM`), each problem followed by its fix, then the count.
    package var text: String {
        var lines = ["kpibridge doctor · \(directory)"]
        for finding in findings {
            let mark = finding.status == .ok ? "ok" : "PROBLEM"
            lines.append("  " + mark.padding(toLength: 8, withPad: " ", startingAt: 0) + " \(finding.check): "
                         + finding.detail.replacingOccurrences(of: "\n", with: "\n           "))
            if let fix = finding.fix, finding.status == .problem { lines.append("           fix: \(fix)") }
        }
        lines.append(problems.isEmpty ? "all \(findings.count) checks ok"
                     : "\(problems.count) problem\(problems.count == 1 ? "" : "s") (exit code 1)")
        return lines.joined(separator: "\n")
    }

    /// One JSON object with every finding, for monitoring.
    package var json: String {
        let items = findings.map { finding in
            "{\"check\":\(JSONText.quoted(finding.check)),\"status\":\(JSONText.quoted(finding.status.rawValue)),"
                + "\"detail\":\(JSONText.quoted(finding.detail)),\"fix\":\(finding.fix.map(JSONText.quoted) ?? "null")}"
        }
        return "{\"workspace\":\(JSONText.quoted(directory)),\"problems\":\(problems.count),\"checks\":[" + items.joined(separator: ",") + "]}"
    }
}
