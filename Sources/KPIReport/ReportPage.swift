import KPISchema

/// The report as the template sees it: every text formatted and translated, every number placed.
///
/// Mustache reads stored properties by reflection, so each section is a plain value built once
/// from ``ReportInput``; the template decides only layout.
struct ReportPage: Sendable {
    struct ProfileItem: Sendable { let name: String; let description: String? }

    let words: ReportWords
    /// Table headers by column name (`columns.target`), the names fact-table exports use.
    let columns: [String: String]
    let heading: String
    let range: String
    let dataAsOf: String
    let profiles: [ProfileItem]
    let summary: Summary?
    let trendsIntro: String
    let charts: [TrendChart]
    let groups: [CardGroup]
    let noDataCards: String?
    let pacing: PacingSection?
    let bridges: [BridgeSection]
    /// What a bridge is, and the heading of the records after them; nil without bridges.
    let bridgeIntro: String?
    let bridgeRecordsHeading: String?
    let reconciliation: [ReconciledMetric]
    let records: RecordsSection?
    let reconciliationNote: String?
    let freshness: FreshnessSection

    static let columnNames = ["line", "actual", "target", "achievement", "weight", "points", "projected", "gap", "status",
                              "record_id", "shop", "explanation"]

    init(_ input: ReportInput) {
        let words = ReportWords(input.language)
        self.words = words
        columns = Dictionary(uniqueKeysWithValues: Self.columnNames.map { ($0, DisplayNames.column($0, input.language)) })
        heading = words.heading(input.period)
        range = words.range(input.period)
        dataAsOf = words.dataAsOf(input.freshness.lastRun)
        profiles = input.profiles.map { ProfileItem(name: $0.name, description: $0.description) }
        summary = Summary(input, words)
        let window = input.trendPeriods
        trendsIntro = words.trendsIntro(window.first!, window.last!,
                                        partialOn: window.contains(where: input.isPartial) ? input.readOn : nil)
        charts = Self.charts(input, words)
        (groups, noDataCards) = Self.cards(input, words)
        pacing = PacingSection(input, words)
        bridges = Self.bridges(input, words)
        bridgeIntro = bridges.isEmpty ? nil : words.bridges
        bridgeRecordsHeading = bridges.isEmpty ? nil : words.bridgeRecordsHeading
        (reconciliation, reconciliationNote) = Self.reconciliation(input, words)
        records = Self.records(input, words)
        freshness = FreshnessSection(input.freshness, words)
    }
}
