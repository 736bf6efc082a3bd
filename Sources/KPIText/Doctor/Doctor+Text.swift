import KPIPipeline
import KPISchema

extension Doctor {
    /// A line per finding (`ok` or `PROBLEM`), each problem followed by its fix, then the count.
    package var text: String { text(language: .en) }

    package func text(language l: DisplayLanguage) -> String {
        let indent = String(repeating: " ", count: 11)
        var lines = ["kpibridge doctor · \(directory)"]
        for finding in findings {
            let mark = finding.status == .ok ? l.pick("ok", "正常") : l.pick("PROBLEM", "问题")
            lines.append("  " + TerminalWidth.pad(mark, 8) + " \(Self.checkName(finding.check, l))" + l.pick(": ", "：")
                         + finding.detail(l).replacingOccurrences(of: "\n", with: "\n" + indent))
            if let fix = finding.fix, finding.status == .problem { lines.append(indent + l.pick("fix: ", "修正：") + fix(l)) }
        }
        lines.append(problems.isEmpty ? l.pick("all \(findings.count) checks ok", "全部 \(findings.count) 项检查正常")
                     : l.pick("\(problems.count) problem\(problems.count == 1 ? "" : "s") (exit code 1)", "\(problems.count) 个问题（退出码 1）"))
        return lines.joined(separator: "\n")
    }

    /// `store sqlite:…` → `存储 sqlite:…`: the check's first word in the reader's language, what it names as written.
    static func checkName(_ check: String, _ l: DisplayLanguage) -> String {
        let words = ["system": "系统", "zones": "时区", "workspace": "工作区", "store": "存储", "source": "数据源", "sources": "数据源",
                     "fx": "汇率", "scorecards": "考核表", "schedules": "调度计划", "notify": "通知"]
        let head = check.prefix { $0 != " " }
        guard l == .zh, let zh = words[String(head)] else { return check }
        return zh + check.dropFirst(head.count)
    }

    /// One JSON object with every finding, for monitoring (English, like every file for tools).
    package var json: String {
        let items = findings.map { finding in
            "{\"check\":\(JSONText.quoted(finding.check)),\"status\":\(JSONText.quoted(finding.status.rawValue)),"
                + "\"detail\":\(JSONText.quoted(finding.detail.en)),\"fix\":\(finding.fix.map { JSONText.quoted($0.en) } ?? "null")}"
        }
        return "{\"workspace\":\(JSONText.quoted(directory)),\"problems\":\(problems.count),\"checks\":[" + items.joined(separator: ",") + "]}"
    }
}
