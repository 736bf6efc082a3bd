import KPIPipeline
import KPISchema

extension ScoreSummary {
    /// The run line, then the cards, grades, vetoes and pacing it wrote (as `run` prints them).
    package var text: String { text(language: .en) }

    package func text(language: DisplayLanguage) -> String {
        ([language.pick("kpibridge score · run #\(runID)", "kpibridge score · 运行 #\(runID)")]
            + RunReport.scoringLines(outcome, language: language)).joined(separator: "\n")
    }
}
