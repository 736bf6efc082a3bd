import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Show how one person's (or provider's) score was reached, line by line.",
                                "逐项说明某个人（或服务商）的得分是怎么算出来的。"),
            discussion: Help.pick("""
                Each line's actual with its definition and record count, the target version and why it \
                applies, achievement, weight and points; then the total, grade and any veto with its source.
                """, """
                每个考核项的实际值及其口径和记录数、所用的目标版本及其适用原因、达成率、
                权重和得分；最后是总分、等级，以及一票否决（如有）和它的来源。
                """, examples: """
                kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10
                kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10 --format json
                KPIBRIDGE_LANG=zh kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10
                """))

        @OptionGroup var options: WorkspaceOptions

        @Option(help: .pick("Employee (or provider) id from the roster, e.g. E001.", "花名册中员工（或服务商）的 ID，例如 E001。"))
        var employee: String

        @OptionGroup var when: PeriodOptions

        @Option(help: .pick("text, or json (the card's fact_score rows, every column).",
                            "`text`，或 `json`（这张考核表在 fact_score 中的各行，含全部列）。"))
        var format: OutputFormat = .text

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let pipeline = try options.pipeline(.readOnly)
            let report = try ScoreReport.load(period: when.value, store: pipeline.store)
            try StandardOutput.line(format == .json ? try report.explainJSON(employee) : try report.explain(employee, language: language.language))
        }
    }
}
