import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Connectors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List connectors, find the one that fits a file, or dry-run one over a file.",
            discussion: """
                Example:
                  kpibridge connectors list --workspace samples/workspace
                  kpibridge connectors detect ~/Downloads/BusinessReport-10-31-26.csv
                  kpibridge connectors check amazon.business_report ~/Downloads/BusinessReport-10-31-26.csv --period 2026-10
                """,
            subcommands: [List.self, Detect.self, Check.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Built-in and workspace connectors, with their formats and record kinds.")

            @Option(name: .long, help: "The workspace folder; without kpibridge.yaml only built-in connectors are listed.")
            var workspace: String = "."

            func run() throws {
                try StandardOutput.line(try ConnectorListing.forDirectory(workspace, builtinConnectors: BuiltinConnectors.directories()).text)
            }
        }

        struct Detect: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Rank connectors by how well their columns fit a file's header; say what each lacks.",
                discussion: """
                    Exit code 0 when exactly one connector fits best, 1 when none or several do.

                    Example:
                      kpibridge connectors detect samples/workspace/inbox/erp/领星订单_202610.csv
                      kpibridge connectors detect ~/Downloads/orders.csv --lang zh
                    """)

            @OptionGroup var options: BenchOptions

            @OptionGroup var language: LanguageOptions

            @Argument(help: "The export file to identify.")
            var file: String

            func run() throws {
                let report = try options.bench().detect(file: file)
                try StandardOutput.line(report.text(language: language.language))
                if case .failure = report.choice { throw ExitCode(1) }
            }
        }

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Dry-run a connector over a file: rows, mapped columns, first records, every problem. Writes nothing.",
                discussion: """
                    Exit code 0 when every row would load, 1 when some would be quarantined or the file fails.

                    Example:
                      kpibridge connectors check amazon.fba_returns samples/workspace/inbox/amazon/returns/FBA_Customer_Returns_202610.txt
                      kpibridge connectors check shopify.orders ~/Downloads/orders_export.csv --shop shopify-dtc --lang zh
                    """)

            @OptionGroup var options: BenchOptions

            @OptionGroup var language: LanguageOptions

            @Argument(help: "Connector id, e.g. amazon.fba_returns.")
            var connector: String

            @Argument(help: "The export file to read.")
            var file: String

            @OptionGroup var source: SourceOptions

            func run() throws {
                let check = try options.bench().check(connector: connector, file: file, shop: source.shop,
                                                              platform: source.platform, timezone: source.timezone,
                                                              currency: source.currency, period: source.period)
                try StandardOutput.line(check.text(language: language.language))
                if !check.problems.isEmpty { throw ExitCode(1) }
            }
        }
    }
}

/// `--workspace` for `connectors detect` and `check`, which also work outside any workspace.
struct BenchOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace whose connectors and source settings apply (default: the current folder when it holds kpibridge.yaml, else the built-in connectors alone).")
    var workspace: String?

    func bench() throws -> ConnectorBench {
        try ConnectorBench.forDirectory(workspace ?? ".", explicit: workspace != nil, builtinConnectors: BuiltinConnectors.directories())
    }
}
