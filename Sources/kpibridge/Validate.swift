import ArgumentParser
import Foundation
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the workspace before a run: configuration, definitions, scorecards, targets and roster.",
            discussion: """
                Loading the workspace checks kpibridge.yaml, definitions.yaml and the connectors. Then every \
                scorecards.yaml problem is listed (weights not summing to 100, unknown metrics or profiles, \
                overlapping target versions), every targets sheet row that is malformed or that the roster \
                cannot place, and every roster person whose role has no scorecard, each naming its file and \
                key or line. Exit 1 when there is any. A card with more than five KPI lines is a warning: \
                printed, but it does not fail validation.

                Example:
                  kpibridge validate --workspace samples/workspace
                  kpibridge validate --workspace ~/kpi --format json
                  kpibridge validate --workspace samples/workspace --lang zh
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: "text, or json (one object: ok, counts, problems).")
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
