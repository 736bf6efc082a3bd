import KPIPipeline

extension ScheduledRun {
    package var text: String {
        var lines = run.map { [$0.text] } ?? ["kpibridge run --schedule \(schedule)"]
        if leftForOthers > 0 { lines.append("left for other schedules: \(leftForOthers) inbox files of connectors not in `sources`") }
        lines += reports.map { "report: \($0)" }
        lines += RunReport.deliveryLines(reportDeliveries)
        return lines.joined(separator: "\n")
    }
}
