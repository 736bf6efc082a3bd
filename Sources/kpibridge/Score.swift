import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Score every scorecard from the stored facts, then list one period's cards.",
                                "用已存储的事实为每张考核表评分，然后列出一个周期的考核结果。"),
            discussion: Help.pick("""
                `kpibridge run` scores too; this re-scores after editing scorecards.yaml without loading \
                anything. Writes fact_score (one row per line plus a `total` row), fact_pacing (open periods) \
                and provider_status.
                """, """
                `kpibridge run` 也会评分；本命令用于修改 scorecards.yaml 后重新评分，
                不加载任何文件。写入 fact_score（每个考核项一行，另加一行 `total`）、
                fact_pacing（未结束的周期）和 provider_status。
                """, examples: """
                kpibridge score --workspace samples/workspace --period 2026-10
                kpibridge score --workspace samples/workspace --period 2026-Q4 --lang zh
                """))

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
