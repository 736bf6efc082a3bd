import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Connectors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("List connectors, find the one that fits a file, or dry-run one over a file.",
                                "列出连接器，找出适合某个文件的连接器，或用某个连接器对文件试运行。"),
            discussion: Help.examples("""
                kpibridge connectors list --workspace samples/workspace
                kpibridge connectors detect ~/Downloads/BusinessReport-10-31-26.csv
                kpibridge connectors check amazon.business_report ~/Downloads/BusinessReport-10-31-26.csv --period 2026-10
                """),
            subcommands: [List.self, Detect.self, Check.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Built-in and workspace connectors, with their formats and record kinds.",
                                    "内置连接器和工作区连接器，及其文件格式和记录类型。"),
                discussion: Help.examples("""
                    kpibridge connectors list
                    kpibridge connectors list --workspace samples/workspace --lang zh
                    """))

            @Option(name: .long, help: .pick("The workspace folder; without kpibridge.yaml only built-in connectors are listed.",
                                             "工作区文件夹；其中没有 kpibridge.yaml 时只列出内置连接器。"))
            var workspace: String = "."

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let listing = try ConnectorListing.forDirectory(workspace, builtinConnectors: BuiltinConnectors.directories())
                try StandardOutput.line(listing.text(language.language))
            }
        }

        struct Detect: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Rank connectors by how well their columns fit a file's header; say what each lacks.",
                                    "按各连接器的列与文件表头的吻合程度排序，并说明每个连接器缺少什么。"),
                discussion: Help.pick("""
                    Exit code 0 when exactly one connector fits best, 1 when none or several do.
                    """, """
                    恰好一个连接器最吻合时退出码为 0；没有连接器吻合，或有多个同样吻合时为 1。
                    """, examples: """
                    kpibridge connectors detect samples/workspace/inbox/erp/领星订单_202610.csv
                    kpibridge connectors detect ~/Downloads/orders.csv --lang zh
                    """))

            @OptionGroup var options: BenchOptions

            @OptionGroup var language: LanguageOptions

            @Argument(help: .pick("The export file to identify.", "要识别的导出文件。"))
            var file: String

            func run() throws {
                let report = try options.bench().detect(file: file)
                try StandardOutput.line(report.text(language: language.language))
                if case .failure = report.choice { throw ExitCode(1) }
            }
        }

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Dry-run a connector over a file: rows, mapped columns, first records, every problem. Writes nothing.",
                                    "用一个连接器对文件试运行：行数、列的映射、前几条记录、所有问题。不写入任何内容。"),
                discussion: Help.pick("""
                    Exit code 0 when every row would load, 1 when some would be quarantined or the file fails.
                    """, """
                    所有行都能加载时退出码为 0；有行会被隔离，或文件读取失败时为 1。
                    """, examples: """
                    kpibridge connectors check amazon.fba_returns samples/workspace/inbox/amazon/returns/FBA_Customer_Returns_202610.txt
                    kpibridge connectors check shopify.orders ~/Downloads/orders_export.csv --shop shopify-dtc --lang zh
                    """))

            @OptionGroup var options: BenchOptions

            @OptionGroup var language: LanguageOptions

            @Argument(help: .pick("Connector id, e.g. amazon.fba_returns.", "连接器 ID，例如 amazon.fba_returns。"))
            var connector: String

            @Argument(help: .pick("The export file to read.", "要读取的导出文件。"))
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
    @Option(name: .long, help: .pick("The workspace whose connectors and source settings apply (default: the current folder when it holds kpibridge.yaml, else the built-in connectors alone).",
                                     "使用哪个工作区的连接器和数据源设置（默认：当前文件夹中有 kpibridge.yaml 时用当前文件夹，否则只用内置连接器）。"))
    var workspace: String?

    func bench() throws -> ConnectorBench {
        try ConnectorBench.forDirectory(workspace ?? ".", explicit: workspace != nil, builtinConnectors: BuiltinConnectors.directories())
    }
}
