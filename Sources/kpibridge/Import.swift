import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load chosen files with one connector, then refresh the fact tables.",
            discussion: """
                Example:
                  kpibridge import --workspace samples/workspace --connector amazon.all_orders \\
                      ~/Downloads/All_Orders_2026-11.txt --shop amazon-us
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: "Connector id, e.g. amazon.all_orders, shopify.orders, mabang.orders.")
        var connector: String

        @OptionGroup var source: SourceOptions

        @Argument(help: "Export files to load.")
        var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        }

        func run() throws {
            let report = try options.pipeline(stoppable: true).importFiles(connector: connector, files: files, shop: source.shop,
                                                            platform: source.platform, timezone: source.timezone,
                                                            currency: source.currency, period: source.period)
            try StandardOutput.line(report.text(language: language.language))
            if report.filesFailed > 0 { throw ExitCode(1) }
        }
    }
}
