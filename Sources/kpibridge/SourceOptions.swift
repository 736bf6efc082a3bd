import ArgumentParser

/// What a file does not say about itself, given on the command line (`import`, `connectors check`);
/// each overrides the matching workspace source's setting.
struct SourceOptions: ParsableArguments {
    @Option(help: .pick("Shop the rows belong to when the export has no shop column.", "导出文件没有店铺列时，这些行所属的店铺。"))
    var shop: String?

    @Option(help: .pick("Platform the rows belong to when neither the export nor the connector says (shopify).",
                        "导出文件和连接器都没有写明时，这些行所属的平台（如 `shopify`）。"))
    var platform: String?

    @Option(help: .pick("Days a report without dates covers: 2026-10, 2026-10-31 or 2026-10-01..2026-10-07.",
                        "不带日期的报表覆盖哪些天：2026-10、2026-10-31 或 2026-10-01..2026-10-07。"))
    var period: String?

    @Option(help: .pick("Zone of times written without an offset (IANA name or +08:00).",
                        "未写明时区偏移的时间按哪个时区理解（IANA 时区名或 +08:00）。"))
    var timezone: String?

    @Option(help: .pick("Currency when the export leaves it blank (ISO 4217).", "导出文件未填币种时使用的币种（ISO 4217 代码）。"))
    var currency: String?
}
