import ArgumentParser
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import every new export in the workspace inbox and refresh the fact tables.",
            discussion: """
                Files already loaded (same SHA-256) are skipped, so running again changes nothing. A row with an \
                unreadable value is quarantined with file:line:column and the run still succeeds. A file no \
                source in kpibridge.yaml names is routed to the connector whose columns fit its header. A file \
                that cannot be read (a required column missing, a damaged workbook, truncated JSON) is not \
                loaded at all; the other files are, and the run exits 1.

                The workspace's `streams:` (Shopify, TikTok Shop, SP-API reports) are pulled first and what \
                they return loads with the inbox; each stream's cursor is saved only after that load. A \
                stream that fails keeps its cursor (the next run asks again) and the run exits 1. \
                `kpibridge state show` prints where each stream stands.

                Closed periods (whose last day has passed) keep the definition version their facts were computed \
                with, even after definitions.yaml changes; --recompute rewrites the periods overlapping the given \
                dates with the version now in force and lists the rows that changed (also in table fact_changes).

                Only the periods that new or changed records fall in are recomputed (a re-sent export with the \
                same rows changes nothing); every period is when definitions.yaml, the exchange rates or the \
                roster change, or with --full-refresh.

                Example:
                  kpibridge run --workspace samples/workspace
                  kpibridge run --workspace ~/kpi --store sqlite:/var/lib/kpibridge/warehouse.sqlite
                  kpibridge run --workspace ~/kpi --recompute 2026-10-01..2026-10-31
                  kpibridge run --workspace samples/workspace --schedules schedules --schedule nightly
                  kpibridge run --workspace samples/workspace --select amazon.all_orders,shopify.orders
                  kpibridge run --workspace samples/workspace --lang zh
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: ArgumentHelp("Rewrite periods overlapping these dates with the definitions now in force: 2026-10, 2026-10-31 or 2026-09-01..2026-10-31.",
                                   valueName: "FROM..TO"))
        var recompute: String?

        @Option(help: "Run the schedule of this name (its sources, recompute and stages) from --schedules.")
        var schedule: String?

        @Flag(help: "Recompute every period from every record instead of only those new or changed records touch.")
        var fullRefresh = false

        @OptionGroup var schedules: ScheduleOptions

        @Option(help: ArgumentHelp("Load only the files and streams of these connectors (comma-separated); the rest wait for the next run.",
                                   valueName: "CONNECTOR,…"))
        var select: String?

        func validate() throws {
            if fullRefresh && schedule != nil {
                throw ValidationError("--full-refresh and --schedule do not go together: run the schedule, then `kpibridge run --full-refresh`")
            }
            if select != nil && schedule != nil {
                throw ValidationError("--select and --schedule do not go together: a schedule names its own `sources:`")
            }
            if recompute != nil && schedule != nil {
                throw ValidationError("--recompute and --schedule do not go together: a schedule names its own `recompute:`")
            }
            if let recompute, DateRange(parsing: recompute) == nil {
                throw ValidationError("--recompute `\(recompute)` is not like 2026-10, 2026-10-31 or 2026-09-01..2026-10-31")
            }
        }

        func run() throws {
            let pipeline = try openPipeline()
            if let schedule {
                let chosen = try named(schedule, in: pipeline)
                let outcome = try pipeline.run(schedule: chosen)
                try StandardOutput.line(outcome.text(language: language.language))
                if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
                return
            }
            let report = try pipeline.run(recompute: recompute.flatMap(DateRange.init(parsing:)), fullRefresh: fullRefresh,
                                          select: select.map { Set($0.split(separator: ",").map(String.init)) })
            try StandardOutput.line(report.text(language: language.language))
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }

        /// The pipeline; a workspace a person broke fails tonight's run, and the chats that take `failed` hear of it.
        private func openPipeline() throws -> Pipeline {
            do {
                return try options.pipeline(stoppable: true)
            } catch let error as PipelineError {
                throw Notifications.tellUnopened(directory: options.workspace, error: error, logger: options.logger)
            }
        }

        /// The schedule file; one that does not read is told like a failed run.
        private func named(_ schedule: String, in pipeline: Pipeline) throws -> KPIWorkspace.Schedule {
            do {
                return try ScheduleFile.named(schedule, directory: schedules.directory, workspace: pipeline.workspace)
            } catch {
                throw Notifications(pipeline: pipeline).tell(error)
            }
        }
    }
}
