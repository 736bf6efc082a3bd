import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct State: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or reset where each API stream stands (its cursor, next day, pending report).",
            discussion: """
                A stream's state is saved in the store after what it pulled has loaded, so it never runs \
                ahead of the data. Resetting makes the next run pull from the stream's `start:` again; the \
                records it pulls replace the stored ones by key, so nothing counts twice.

                Example:
                  kpibridge state show --workspace ~/kpi
                  kpibridge state reset shopify-orders --workspace ~/kpi
                """,
            subcommands: [Show.self, Reset.self], defaultSubcommand: Show.self)

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print each stream's saved state.")

            @OptionGroup var options: WorkspaceOptions

            @Argument(help: "Only this stream.")
            var stream: String?

            @OptionGroup var language: LanguageOptions

            func run() throws {
                try StandardOutput.line(try options.pipeline(.readOnly).streamStateReport(stream).text(language: language.language))
            }
        }

        struct Reset: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Forget a stream's state; its next pull starts from `start:`.")

            @OptionGroup var options: WorkspaceOptions

            @Argument(help: "The stream, as named in kpibridge.yaml.")
            var stream: String

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let forgotten = try options.pipeline(.existing).resetStream(stream)
                try StandardOutput.line(Confirmations.streamReset(stream, forgotten: forgotten, language: language.language))
            }
        }
    }
}
