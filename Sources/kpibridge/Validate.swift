import ArgumentParser
import Foundation
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Check the workspace before a run: configuration, definitions, scorecards, targets and roster.",
                                "运行前检查工作区：配置、口径、考核表、目标和花名册。"),
            discussion: Help.pick("""
                Loading the workspace checks kpibridge.yaml, definitions.yaml and the connectors. Then every \
                scorecards.yaml problem is listed (weights not summing to 100, unknown metrics or profiles, \
                overlapping target versions), every targets sheet row that is malformed or that the roster \
                cannot place, and every roster person whose role has no scorecard, each naming its file and \
                key or line. Exit 1 when there is any. A card with more than five KPI lines is a warning: \
                printed, but it does not fail validation.
                """, """
                加载工作区时会检查 kpibridge.yaml、definitions.yaml 和各连接器。然后列出
                scorecards.yaml 的每个问题（权重之和不等于 100、未知的指标或口径、
                目标版本重叠）、目标表中格式有误或花名册无法对应的每一行，
                以及岗位没有考核表的每个花名册人员，每条都注明所在文件和键或行号。
                有任何问题时退出码为 1。考核项超过五个的考核表只给出警告：会打印出来，
                但不算校验失败。
                """, examples: """
                kpibridge validate --workspace samples/workspace
                kpibridge validate --workspace ~/kpi --format json
                kpibridge validate --workspace samples/workspace --lang zh
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: .pick("text, or json (one object: ok, counts, problems).", "`text`，或 `json`（一个对象：`ok`、`counts`、`problems`）。"))
        var format: OutputFormat = .text

        func run() throws {
            if format == .json {
                // A workspace that does not open is the answer a monitor most needs, as JSON too.
                do { _ = try options.openWorkspace() } catch let error as PipelineError {
                    try StandardOutput.line(Confirmations.unopened(error.message))
                    throw ExitCode(error.kind.rawValue)
                }
            }
            let pipeline = try options.pipeline(.create)
            let problems = try pipeline.validate()
            let warnings = ValidateJob(pipeline: pipeline).warnings(format == .json ? .en : language.language)
            if format == .json {
                try StandardOutput.line(Confirmations.validation(pipeline.workspace, problems: problems, warnings: warnings))
                if !problems.isEmpty { throw ExitCode(PipelineError.Kind.failed.rawValue) }
                return
            }
            if !warnings.isEmpty { try StandardOutput.line(Confirmations.warnings(warnings, language: language.language)) }
            guard problems.isEmpty else {
                throw PipelineError.failed(Confirmations.problems(problems))
            }
            try StandardOutput.line(Confirmations.valid(pipeline.workspace, language: language.language))
        }
    }
}
