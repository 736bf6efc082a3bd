import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Freshness: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List each source's newest loaded file against its fresh_within; exit 4 when one is stale.",
            discussion: """
                A source with `fresh_within: 36h` (or 30m, 2d) in kpibridge.yaml is stale when no new file of \
                it has loaded for longer than that (a re-sent copy of a loaded file is not new). Every run \
                checks too and ends with the stale sources; both exit 4 when nothing else failed, so cron \
                mails the owner when an export stops arriving.

                Example:
                  kpibridge freshness --workspace samples/workspace
                  kpibridge freshness --workspace ~/kpi --format json
                  kpibridge freshness --workspace samples/workspace --lang zh
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: "text, or json (one object, for monitoring).")
        var format: OutputFormat = .text

        func run() throws {
            let check = try SourceFreshness.check(try options.pipeline(.readOnly))
            try StandardOutput.line(format == .json ? check.json : check.text(language: language.language))
            if !check.stale.isEmpty { throw ExitCode(PipelineError.Kind.stale.rawValue) }
        }
    }
}

/// `--format text|json` for commands people and monitors both read.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
