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
    package var text: String { text(language: .en) }

    /// The same in `language`: headers, statuses and sentences translated; commands, times and messages as stored.
    package func text(language: DisplayLanguage) -> String {
        let say = language.pick
        var lines = [say("kpibridge status · store \(store)", "kpibridge 状态 · 存储 \(store)"),
                     holder.map { say("running now: \($0)", "正在运行：\($0)") } ?? say("no run in progress", "当前没有运行")]
        guard !runs.isEmpty else {
            return (lines + [say("no runs yet: `\(invocation.command("run"))` records one",
                                 "尚无运行记录：`\(invocation.command("run"))` 运行一次即有")]).joined(separator: "\n")
        }
        let header = language == .zh
            ? ["运行", "命令", "开始", "用时", "读取/跳过文件", "载入行数", "隔离行数", "退出码", "状态"]
            : ["run", "command", "started", "duration", "files read/skipped", "rows loaded", "quarantined", "exit", "status"]
        var table = [header]
        for run in runs {
            let status = DisplayNames.runStatus(run.status, language)
            table.append(["#\(run.id)", run.command, run.startedAt, Self.duration(run.seconds),
                          "\(run.filesRead)/\(run.filesSkipped)", "\(run.rowsLoaded)", "\(run.rowsQuarantined)",
                          run.exitCode.map(String.init) ?? "–", status + (run.message.map { say(": ", "：") + $0(language).escapingControlCharacters() } ?? "")])
        }
        // Padded by terminal columns: a Chinese header takes two per character.
        let widths = header.indices.map { column in table.map { TerminalWidth.of($0[column]) }.max()! }
        for row in table {
            lines.append("  " + row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : TerminalWidth.pad(cell, widths[index])
            }.joined(separator: "  "))
        }
        if unlinkedTracking > 0 {
            let command = invocation.command("export", "--table", "v_unlinked_tracking")
            lines.append(say("tracking: \(unlinkedTracking) tracking number\(unlinkedTracking == 1 ? "" : "s") with carrier scans no order "
                             + "names yet, counted nowhere (\(command))",
                             "物流：\(unlinkedTracking) 个运单号有承运商扫描但尚无订单引用，暂不计入任何指标（\(command)）"))
        }
        for close in closes {
            let grain = language == .zh ? DisplayNames.grain(close.period.grain.rawValue, .zh) : close.period.grain.rawValue
            lines.append(say("closed: \(grain) \(close.period.label) by \(close.closedBy.escapingControlCharacters()) at \(close.closedAt.iso8601) (run #\(close.runID))",
                             "已结账：\(grain) \(close.period.label)，结账人 \(close.closedBy.escapingControlCharacters())，\(close.closedAt.iso8601)（运行 #\(close.runID)）"))
        }
        if restatements > 0 {
            let command = invocation.command("export", "--table", "v_restatements")
            lines.append(say("restated: \(restatements) fact\(restatements == 1 ? "" : "s") of closed periods the records would now give differently; "
                             + "the closed values stand (\(command))",
                             "重述：已结账周期中有 \(restatements) 个指标按当前记录会得出不同的值；已结账的数字保持不变（\(command)）"))
        }
        return lines.joined(separator: "\n")
    }
}
