import KPIPipeline
import KPISchema

extension ScheduledRun {
    package var text: String { text(language: .en) }

    package func text(language l: DisplayLanguage) -> String {
        var lines = run.map { [$0.text(language: l)] } ?? ["kpibridge run --schedule \(schedule)"]
        if leftForOthers > 0 {
            lines.append(l.pick("left for other schedules: \(leftForOthers) inbox files of connectors not in `sources`",
                                "留给其他计划：`sources` 之外的连接器有 \(leftForOthers) 个收件箱文件"))
        }
        switch close {
        case .closed(let closed)?: lines.append(closed.text(l))
        case .waiting(let period, let from)?:
            lines.append(l.pick("close: \(period.label) not closed yet: its grace days run until \(from.adding(days: -1)); a run from \(from) closes it",
                                "结账：\(period.label) 暂不结账：宽限期到 \(from.adding(days: -1)) 为止；\(from) 起的运行会为它结账"))
        case nil: break
        }
        lines += reports.map { l.pick("report: ", "报告：") + $0 }
        lines += RunReport.deliveryLines(reportDeliveries, language: l)
        return lines.joined(separator: "\n")
    }
}
