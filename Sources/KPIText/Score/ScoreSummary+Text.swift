import KPIPipeline

extension ScoreSummary {
    /// The run line, then the cards, grades, vetoes and pacing it wrote (as `run` prints them).
    package var text: String { (["kpibridge score · run #\(runID)"] + RunReport.scoringLines(outcome)).joined(separator: "\n") }
}
