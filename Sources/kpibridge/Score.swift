import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score every scorecard from the stored facts, then list one period's cards.",
            discussion: """
                `kpibridge run` scores too; this re-scores after editing scorecards.yaml without loading \
                anything. Writes fact_score (one row per line plus a `total` row), fact_pacing (open periods) \
                and provider_status.

                Example:
                  kpibridge score --workspace samples/workspace --period 2026-10
                  kpibridge score --workspace samples/workspace --period 2026-Q4 --lang zh
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var when: PeriodOptions

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let pipeline = try options.pipeline(.existing)
            try StandardOutput.line(try pipeline.score().text(language: language.language))
            try StandardOutput.line(try ScoreReport.load(period: when.value, store: pipeline.store).summary(pipeline.invocation, language: language.language))
        }
    }
}
