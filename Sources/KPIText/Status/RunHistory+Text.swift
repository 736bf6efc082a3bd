import Foundation
import KPIPipeline
import KPISchema

extension RunHistory {
    /// `1m 10s`, `0s`, `2h 05m`.
    package static func duration(_ seconds: Int64?) -> String {
        guard let seconds else { return "–" }
        if seconds >= 3600 { return "\(seconds / 3600)h \(String(format: "%02d", seconds % 3600 / 60))m" }
        if seconds >= 60 { return "\(seconds / 60)m \(String(format: "%02d", seconds % 60))s" }
        return "\(seconds)s"
    }

    /// A header line, who is running now, then one aligned line per run.
    package var text: String {
        var lines = ["kpibridge status · store \(store)",
                     holder.map { "running now: \($0)" } ?? "no run in progress"]
        guard !runs.isEmpty else { return (lines + ["no runs yet: `\(invocation.command("run"))` records one"]).joined(separator: "\n") }
        let header = ["run", "command", "started", "duration", "files read/skipped", "rows loaded", "quarantined", "exit", "status"]
        var table = [header]
        for run in runs {
            table.append(["#\(run.id)", run.command, run.startedAt, Self.duration(run.seconds),
                          "\(run.filesRead)/\(run.filesSkipped)", "\(run.rowsLoaded)", "\(run.rowsQuarantined)",
                          run.exitCode.map(String.init) ?? "–", run.status + (run.message.map { ": " + $0.escapingControlCharacters() } ?? "")])
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max()! }
        for row in table {
            lines.append("  " + row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  "))
        }
        if unlinkedTracking > 0 {
            lines.append("tracking: \(unlinkedTracking) tracking number\(unlinkedTracking == 1 ? "" : "s") with carrier scans no order names yet, "
                         + "counted nowhere (\(invocation.command("export", "--table", "v_unlinked_tracking")))")
        }
        return lines.joined(separator: "\n")
    }
}
