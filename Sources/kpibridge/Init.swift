import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new workspace: a source per shop, both teams' definitions, scorecards, targets sheet, fx table, roster template.",
            discussion: """
                Every file is commented (中文 and English): kpibridge.yaml with one source and one inbox folder \
                per shop, definitions.yaml with the China and US teams' profiles and every choice explained, \
                scorecards.yaml, an empty fx_rates.csv, an empty targets.csv (targets per person, shop or team), \
                templates/roster.csv with the roster's columns, a commented `notify:` block and a nightly schedule. `validate` accepts the result and `run` runs on its empty inbox. Nothing that \
                exists is overwritten.

                A shop is PLATFORM:SHOP (amazon, ebay, shopify, tiktok, walmart) or CONNECTOR:SHOP, followed by \
                the currency and zone when its export does not carry them (init says when).

                Example:
                  kpibridge init ~/kpi --shops amazon:amazon-us,shopify:shopify-dtc
                  kpibridge init ~/kpi --shops tiktok:tiktok-us:USD,walmart:walmart-us:USD:America/Los_Angeles
                  kpibridge init ~/kpi --shops amazon:amazon-us --lang zh
                """)

        @Argument(help: "The folder to create the workspace in (created if missing).")
        var directory: String

        @Option(help: ArgumentHelp("The shops, comma-separated: PLATFORM:SHOP[:CURRENCY][:ZONE].", valueName: "SHOPS"))
        var shops: String = ""

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let entries = try shops.split(separator: ",").map { try InitShop(parsing: String($0)) }
            let outcome = try InitJob(directory: directory, shops: entries, builtinConnectors: BuiltinConnectors.directories()).run()
            try StandardOutput.line(outcome.text(Invocation(), language: language.language))
        }
    }
}
