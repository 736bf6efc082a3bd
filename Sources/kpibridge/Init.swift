import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Write a new workspace: a source per shop, both teams' definitions, scorecards, targets sheet, fx table, roster template.",
                                "新建工作区：每个店铺一个数据源，以及两个团队的口径、考核表、目标表、汇率表和花名册模板。"),
            discussion: Help.pick("""
                Every file is commented in Chinese and English: kpibridge.yaml with one source and one inbox folder \
                per shop, definitions.yaml with the China and US teams' profiles and every choice explained, \
                scorecards.yaml, an empty fx_rates.csv, an empty targets.csv (targets per person, shop or team), \
                templates/roster.csv with the roster's columns, a commented `notify:` block and a nightly schedule. `validate` accepts the result and `run` runs on its empty inbox. Nothing that \
                exists is overwritten.

                A shop is PLATFORM:SHOP (amazon, ebay, shopify, tiktok, walmart) or CONNECTOR:SHOP, followed by \
                the currency and zone when its export does not carry them (init says when).
                """, """
                每个文件都带中英文注释：
                kpibridge.yaml，每个店铺一个数据源和一个收件箱文件夹；definitions.yaml，
                含中国团队和美国团队的口径，每个选择都有说明；scorecards.yaml；空的
                fx_rates.csv；空的 targets.csv（按人、店铺或团队设定目标）；
                templates/roster.csv，含花名册的各列；一段带注释的 `notify:` 配置；
                以及一个每晚运行的调度计划。生成的工作区能通过 `validate`，`run`
                也能在空收件箱上运行。已有的文件一律不会被覆盖。

                店铺写作 `PLATFORM:SHOP`（`amazon`、`ebay`、`shopify`、`tiktok`、`walmart`）
                或 `CONNECTOR:SHOP`，导出文件中没有币种和时区时，
                在后面加上币种和时区（`init` 会指出哪些店铺需要）。
                """, examples: """
                kpibridge init ~/kpi --shops amazon:amazon-us,shopify:shopify-dtc
                kpibridge init ~/kpi --shops tiktok:tiktok-us:USD,walmart:walmart-us:USD:America/Los_Angeles
                kpibridge init ~/kpi --shops amazon:amazon-us --lang zh
                """))

        @Argument(help: .pick("The folder to create the workspace in (created if missing).", "在哪个文件夹中创建工作区（不存在则新建）。"))
        var directory: String

        @Option(help: .pick("The shops, comma-separated: PLATFORM:SHOP[:CURRENCY][:ZONE].",
                            "店铺，用逗号分隔：`PLATFORM:SHOP[:CURRENCY][:ZONE]`。",
                            valueName: "SHOPS"))
        var shops: String = ""

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let entries = try shops.split(separator: ",").map { try InitShop(parsing: String($0)) }
            let outcome = try InitJob(directory: directory, shops: entries, builtinConnectors: BuiltinConnectors.directories()).run()
            try StandardOutput.line(outcome.text(Invocation(), language: language.language))
        }
    }
}
