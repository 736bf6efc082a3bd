import ArgumentParser
import KPIPipeline

extension Kpibridge {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import every new export in the workspace inbox and refresh the fact tables.",
            discussion: """
                Files already loaded (same SHA-256) are skipped, so running again changes nothing. A row with an \
                unreadable value is quarantined with file:line:column and the run still succeeds.

                Example:
                  kpibridge run --workspace samples/workspace
                  kpibridge run --workspace ~/kpi --store sqlite:/var/lib/kpibridge/warehouse.sqlite
                """)

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            print(try options.pipeline().run().text)
        }
    }
}
