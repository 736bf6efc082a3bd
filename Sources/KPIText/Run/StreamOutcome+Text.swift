import Foundation
import KPIPipeline
import KPISchema

extension StreamOutcome {
    package var line: String { line(.en) }

    /// The stream's pull in the run summary (an API's own words in a failure stay as it wrote them).
    package func line(_ l: DisplayLanguage) -> String {
        let files = landed.count
        var text = "  " + TerminalWidth.pad(l.pick("pulled", "已拉取"), 9) + "\(stream) [\(api)] "
            + l.pick("\(files) file\(files == 1 ? "" : "s"), \(requests) request\(requests == 1 ? "" : "s")", "\(files) 个文件，\(requests) 次请求")
        if retries > 0 { text += l.pick(" (\(retries) retried)", "（重试 \(retries) 次）") }
        if throttledSeconds > 0 {
            let seconds = String(format: "%.1f", throttledSeconds)
            text += l.pick(", \(seconds) s waited for the rate limit", "，因限流等待 \(seconds) 秒")
        }
        if !notes.isEmpty { text += l.pick(": ", "：") + notes.joined(separator: l.pick("; ", "；")) }
        if let failure {
            text = "  " + TerminalWidth.pad(l.pick("FAILED", "失败"), 9) + failure(l)
                + (landed.isEmpty ? "" : l.pick(" (the \(files) file\(files == 1 ? "" : "s") pulled before still load)", "（之前拉取的 \(files) 个文件仍会加载）"))
        }
        if let saved, saved != before { text += "\n           " + l.pick("state: ", "状态：") + Self.summary(saved, l) }
        else { text += "\n           " + l.pick("state unchanged: ", "状态未变：") + Self.summary(before, l) }
        return text
    }
}
