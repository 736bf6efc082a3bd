import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a test message to every notify: webhook, to check its URL, secret and signature.",
            discussion: """
                Runs and schedules tell the webhooks under `notify:` in kpibridge.yaml about failed runs, \
                stale sources, pacing alerts and reports (each webhook the events in its `on:`). This sends \
                one test message to each, whatever its `on:`, and prints which took it; exit 1 when one did \
                not (a wrong secret, a removed bot, an unset variable). Opens no store.

                Example:
                  kpibridge notify --workspace ~/kpi
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let workspace = try options.openWorkspace()
            let deliveries = try Notifications(workspace: workspace, logger: options.logger).test()
            for line in RunReport.deliveryLines(deliveries, language: language.language) { try StandardOutput.line(line) }
            if deliveries.contains(where: { $0.failure != nil }) { throw ExitCode(PipelineError.Kind.failed.rawValue) }
        }
    }
}
