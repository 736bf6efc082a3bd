import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how one person's (or provider's) score was reached, line by line.",
            discussion: """
                Each line's actual with its definition and record count, the target version and why it \
                applies, achievement, weight and points; then the total, grade and any veto with its source.

                Example:
                  kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10
                  kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10 --format json
                  KPIBRIDGE_LANG=zh kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "Employee (or provider) id from the roster, e.g. E001.")
        var employee: String

        @OptionGroup var when: PeriodOptions

        @Option(help: "text, or json (the card's fact_score rows, every column).")
        var format: OutputFormat = .text

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let pipeline = try options.pipeline(.readOnly)
            let report = try ScoreReport.load(period: when.value, store: pipeline.store)
            try StandardOutput.line(format == .json ? try report.explainJSON(employee) : try report.explain(employee, language: language.language))
        }
    }
}
