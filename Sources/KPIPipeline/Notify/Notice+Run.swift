import Foundation
import KPIReport
import KPISchema
import KPIWorkspace

extension Notice {
    /// What a finished run tells the chats: that it failed (and why), which sources are stale, which
    /// scorecard lines are behind; nothing when all is well.
    static func afterRun(_ report: RunReport, workspace: String, invocation: Invocation) -> [Notice] {
        var notices: [Notice] = []
        if report.exitCode == PipelineError.Kind.failed.rawValue {
            let items = Self.items(report.problems) { "… \($0) more" }
            let itemsZh = Self.items(report.problemsZh) { "… 另有 \($0) 条" }
            let status = invocation.command("status")
            notices.append(Notice(
                event: .failed,
                zh: (["kpibridge 运行 #\(report.runID) 有问题 · \(workspace)"] + itemsZh + ["详情: \(status)"]).joined(separator: "\n"),
                en: (["kpibridge run #\(report.runID) has problems · \(workspace)"] + items + ["Details: \(status)"]).joined(separator: "\n")))
        }
        if let freshness = report.freshness, !freshness.stale.isEmpty {
            notices.append(stale(freshness, workspace: workspace, invocation: invocation))
        }
        if let scoring = report.refresh?.scoring {
            let names = Dictionary(scoring.scores.map { ($0.scopeID, $0.name) }, uniquingKeysWith: { first, _ in first })
            let alerts = scoring.pacing.filter { $0.status != .onTrack }
            if let first = alerts.first {
                func line(_ p: PacingFact, _ language: DisplayLanguage) -> String {
                    let who = [p.scopeID, names[p.scopeID]].compactMap { $0 }.joined(separator: " ")
                    let what = DisplayNames.metric(p.line, language)
                    let period = Period(grain: p.grain, start: p.periodStart, end: p.periodEnd).label
                    let projected = NumberText.metric(p.projected, metric: p.line), target = NumberText.metric(p.target, metric: p.line)
                    return language == .zh
                        ? "\(who) · \(what) · \(period): 预计 \(projected), 目标 \(target) (\(p.status == .behind ? "落后" : "有风险"))"
                        : "\(who) · \(what) · \(period): projected \(projected) against \(target) (\(p.status == .behind ? "behind" : "at risk"))"
                }
                notices.append(Notice(
                    event: .pacing,
                    zh: (["kpibridge 进度预警 · \(workspace) · 截至 \(first.asOf): \(alerts.count) 项落后或有风险"]
                         + Self.items(alerts.map { line($0, .zh) }) { "… 另有 \($0) 项" }).joined(separator: "\n"),
                    en: (["kpibridge pacing · \(workspace) · as of \(first.asOf): \(alerts.count) line\(alerts.count == 1 ? "" : "s") behind or at risk"]
                         + Self.items(alerts.map { line($0, .en) }) { "… \($0) more" }).joined(separator: "\n")))
            }
        }
        return notices
    }

    /// Sources whose newest export is older than they promise.
    static func stale(_ freshness: SourceFreshness, workspace: String, invocation: Invocation) -> Notice {
        let stale = freshness.stale
        func age(_ entry: SourceFreshness.Entry, _ zh: Bool) -> String {
            guard let age = entry.age else { return zh ? "还没有加载过文件" : "no file loaded yet" }
            return zh ? "最新文件距今 \(TimeSpan.age(seconds: age, .zh))" : "newest file \(TimeSpan.age(seconds: age)) old"
        }
        let command = invocation.command("freshness")
        return Notice(
            event: .stale,
            zh: (["kpibridge 数据断更 · \(workspace): \(stale.count) 个数据源超过约定时间没有新文件"]
                 + Self.items(stale.map { "\($0.name): \(age($0, true)), 约定 \($0.cadence!) 内" }) { "… 另有 \($0) 个" }
                 + ["查看: \(command)"]).joined(separator: "\n"),
            en: (["kpibridge stale sources · \(workspace): \(stale.count) source\(stale.count == 1 ? "" : "s") without a new file in time"]
                 + Self.items(stale.map { "\($0.name): \(age($0, false)), expected within \($0.cadence!)" }) { "… \($0) more" }
                 + ["See: \(command)"]).joined(separator: "\n"))
    }

    /// A run that could not finish at all (store unreachable, configuration refused).
    static func runFailed(_ error: PipelineError, workspace: String) -> Notice {
        let en = error.sentence.en.escapingControlCharacters(keepingNewlines: true)
        let zh = error.sentence.zh.escapingControlCharacters(keepingNewlines: true)
        return Notice(event: .failed,
                      zh: "kpibridge 运行未能完成 · \(workspace)\n\(zh)",
                      en: "kpibridge run could not finish · \(workspace)\n\(en)")
    }
}
