import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the machine and the workspace: libraries, zone data, store, sources, fx rates, schedules.",
            discussion: """
                One line per check, ok or PROBLEM with how to fix it; exit 1 when there is a problem, so cron \
                or a monitor can run it. Checks: the system libraries (SQLite, libxml2, libcurl), the zone \
                database and every zone the workspace names, that the workspace opens, that the store opens \
                with the current schema and its last run finished, that every source has a file in place or \
                loaded before, that the last run had every fx rate it needed, and that a crontab line or \
                systemd unit runs the workspace.

                Example:
                  kpibridge doctor --workspace samples/workspace
                  kpibridge doctor --workspace ~/kpi --format json
                  kpibridge doctor --workspace samples/workspace --lang zh
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: "text, or json (one object, for monitoring).")
        var format: OutputFormat = .text

        func run() throws {
            let context = DoctorContext(directory: options.workspace, storeOverride: options.store,
                                        builtinConnectors: BuiltinConnectors.directories(), invocation: options.invocation)
            let doctor = KPIPipeline.Doctor(context)
            try StandardOutput.line(format == .json ? doctor.json : doctor.text(language: language.language))
            if !doctor.problems.isEmpty { throw ExitCode(PipelineError.Kind.failed.rawValue) }
        }
    }
}
