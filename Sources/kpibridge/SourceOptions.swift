import ArgumentParser

/// What a file does not say about itself, given on the command line (`import`, `connectors check`);
/// each overrides the matching workspace source's setting.
struct SourceOptions: ParsableArguments {
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
}
