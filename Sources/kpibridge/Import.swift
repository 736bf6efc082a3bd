import ArgumentParser
import KPIPipeline

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

        @Option(help: "Connector id, e.g. amazon.all_orders, shopify.orders, mabang.orders.")
        var connector: String

        @Option(help: "Shop the rows belong to when the export has no shop column.")
        var shop: String?

        @Option(help: "Platform the rows belong to when neither the export nor the connector says (shopify).")
        var platform: String?

        @Option(help: "Days a report without dates covers: 2026-10, 2026-10-31 or 2026-10-01..2026-10-07.")
        var period: String?

        @Option(help: "Zone of times written without an offset (IANA name or +08:00).")
        var timezone: String?

        @Option(help: "Currency when the export leaves it blank (ISO 4217).")
        var currency: String?

        @Argument(help: "Export files to load.")
        var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        }

        func run() throws {
            let report = try options.pipeline().importFiles(connector: connector, files: files, shop: shop,
                                                            platform: platform, timezone: timezone, currency: currency,
                                                            period: period)
            print(report.text)
            if report.filesFailed > 0 { throw ExitCode(1) }
        }
    }
}
