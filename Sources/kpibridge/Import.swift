import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Load chosen files with one connector, then refresh the fact tables.",
                                "用指定的连接器加载选定的文件，然后刷新事实表。"),
            discussion: Help.examples("""
                kpibridge import --workspace samples/workspace --connector amazon.all_orders \\
                    ~/Downloads/All_Orders_2026-11.txt --shop amazon-us
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: .pick("Connector id, e.g. amazon.all_orders, shopify.orders, mabang.orders.",
                            "连接器 ID，例如 amazon.all_orders、shopify.orders、mabang.orders。"))
        var connector: String

        @OptionGroup var source: SourceOptions

        @Argument(help: .pick("Export files to load.", "要加载的导出文件。"))
        var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError(Help.pick("name at least one file to import", "请至少指定一个要导入的文件")) }
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
