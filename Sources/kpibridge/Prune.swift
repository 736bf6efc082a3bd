import ArgumentParser
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete run history older than a date: runs, their load-ledger entries, quarantined rows and fact change log.",
            discussion: """
                Records and fact tables are never pruned. The latest run is always kept. A date inside the \
                workspace's retention (`retention: {history_months: 6}` in kpibridge.yaml, 6 by default) is \
                refused. Without its ledger entry a re-sent old file loads again; its records replace \
                themselves by key, so nothing counts twice.

                Example:
                  kpibridge prune --workspace samples/workspace --before 2026-05-01 --dry-run
                  kpibridge prune --workspace samples/workspace --before 2026-05-01 --dry-run --lang zh
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: "Delete history of runs that started before this day (YYYY-MM-DD).")
        var before: String

        @Flag(help: "Count what would be deleted, delete nothing.")
        var dryRun = false

        func validate() throws {
            guard CivilDate(iso: before) != nil else { throw ValidationError("--before `\(before)` is not a date like 2026-05-01") }
        }

        func run() throws {
            let pipeline = try options.pipeline(.existing)
            try StandardOutput.line(try pipeline.prune(before: CivilDate(iso: before)!, dryRun: dryRun).text(language: language.language))
        }
    }
}
