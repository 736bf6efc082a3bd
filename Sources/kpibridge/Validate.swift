import ArgumentParser
import Foundation
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the workspace before a run: configuration, definitions, scorecards and roster.",
            discussion: """
                Loading the workspace checks kpibridge.yaml, definitions.yaml and the connectors. Then every \
                scorecards.yaml problem is listed (weights not summing to 100, unknown metrics or profiles, \
                overlapping target versions) and every roster person whose role has no scorecard, each \
                naming its file and key or line. Exit 1 when there is any.

                Example:
                  kpibridge validate --workspace samples/workspace
                """)

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let pipeline = try options.pipeline(.create)
            let problems = try pipeline.validate()
            guard problems.isEmpty else {
                throw PipelineError.failed(Confirmations.problems(problems))
            }
            try StandardOutput.line(Confirmations.valid(pipeline.workspace))
        }
    }
}
