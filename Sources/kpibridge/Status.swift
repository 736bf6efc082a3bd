import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the run holding the store now, if any, and the latest runs.",
            discussion: """
                One line per run: when it started, how long it took, files read and skipped, rows loaded and \
                quarantined, its exit code and status (a failure's first line). A run whose process died is \
                shown `abandoned` once the next run has started. Every column of every run: \
                kpibridge export --table runs --format jsonl

                Example:
                  kpibridge status --workspace samples/workspace --limit 5
                  kpibridge status --workspace samples/workspace --format json
                  kpibridge status --workspace samples/workspace --lang zh
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "How many runs to list, newest first.")
        var limit: Int = 10

        @Option(help: "text, or json (one object, for monitoring).")
        var format: OutputFormat = .text

        @OptionGroup var language: LanguageOptions

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let pipeline = try options.pipeline(.readOnly)
            let history = try RunHistory.load(pipeline, limit: limit)
            try StandardOutput.line(format == .json ? history.json : history.text(language: language.language))
        }
    }
}
