import Foundation
import KPIReport
import KPISchema

extension Notice {
    /// The report's summary for the chats: the period, the company's sales per profile, the grades,
    /// and where the file is.
    /// `held` is set when the latest run held the scores back: the grades are an earlier run's, and the
    /// message says so.
    static func report(_ input: ReportInput, file: String, workspace: String, held: Bilingual? = nil) -> Notice {
        let period = input.period.label
        let current = input.metrics.filter { $0.periodStart == input.period.start }
        let headline = ["gmv", "orders", "aov"]
        func figures(_ language: DisplayLanguage) -> [String] {
            current.filter { headline.contains($0.metric) }
                .sorted { (headline.firstIndex(of: $0.metric)!, $0.profile) < (headline.firstIndex(of: $1.metric)!, $1.profile) }
                .map { "\(DisplayNames.metric($0.metric, language)) (\($0.profile)): \(NumberText.metric($0.value, metric: $0.metric, currency: $0.currency))" }
        }
        let totals = input.scores.filter { $0.line == "total" }
        var grades: [String: Int] = [:]
        for row in totals { grades[row.grade, default: 0] += 1 }
        func gradeText(_ language: DisplayLanguage) -> String {
            grades.sorted { $0.key < $1.key }.map { "\(DisplayNames.grade($0.key, language)) \($0.value)" }.joined(separator: " · ")
        }
        return Notice(
            event: .report,
            zh: (["kpibridge 报告 \(period) · \(workspace)"] + figures(.zh).map { "- " + $0 }
                 + (totals.isEmpty ? [] : ["- 考核卡 \(totals.count) 张: \(gradeText(.zh))"])
                 + (held == nil || totals.isEmpty ? [] : ["  注意: 最近一次运行暂停了评分(目标表有问题), 以上为之前运行的结果"])
                 + ["报告文件: \(file)"]).joined(separator: "\n"),
            en: (["kpibridge report \(period) · \(workspace)"] + figures(.en).map { "- " + $0 }
                 + (totals.isEmpty ? [] : ["- \(totals.count) scorecard\(totals.count == 1 ? "" : "s"): \(gradeText(.en))"])
                 + (held == nil || totals.isEmpty ? [] : ["  Note: the latest run held the scores back (targets sheet problems); these grades are an earlier run's"])
                 + ["Report file: \(file)"]).joined(separator: "\n"))
    }
}
