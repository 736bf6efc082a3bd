import ArgumentParser
import KPIPipeline

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

                Example:
                  kpibridge run --workspace samples/workspace
                  kpibridge run --workspace ~/kpi --store sqlite:/var/lib/kpibridge/warehouse.sqlite
                """)

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let report = try options.pipeline().run()
            print(report.text)
            if report.filesFailed > 0 { throw ExitCode(1) }
        }
    }
}
