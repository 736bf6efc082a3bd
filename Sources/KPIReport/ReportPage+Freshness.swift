import KPISchema

extension ReportPage {
    /// What the numbers include: the last run, each connector's loads, and the rows set aside.
    struct FreshnessSection: Sendable {
        struct Source: Sendable {
            let connector: String
            let files: String
            let rowsLoaded: String
            let quarantined: String
            let lastLoaded: String
            let dataThrough: String
        }

        struct Quarantined: Sendable {
            let at: String
            let reason: String
            /// `en` on a Chinese page for a reason stored before Chinese ones were (it has no Chinese form).
            let lang: String?
        }

        let lastRun: String
        /// `Data through (Asia/Shanghai)`: the column names its zone.
        let dataThroughHeading: String
        let sources: [Source]
        let quarantineSummary: String?
        let quarantined: [Quarantined]
        let pointer: String

        init(_ freshness: Freshness, _ words: ReportWords) {
            lastRun = freshness.lastRun.map(words.run) ?? words.noRun
            dataThroughHeading = words.dataThrough + (freshness.zone.map { words.language.pick(" (\($0))", "（\($0)）") } ?? "")
            sources = freshness.sources.map { source in
                Source(connector: source.connector, files: "\(source.files)",
                       rowsLoaded: NumberText.grouped("\(source.rowsLoaded)"),
                       quarantined: NumberText.grouped("\(source.rowsQuarantined)"), lastLoaded: source.lastLoadedAt,
                       dataThrough: source.dataThrough?.description ?? "–")
            }
            quarantineSummary = freshness.quarantinedTotal == 0 ? nil
                : words.quarantineSummary(freshness.quarantinedTotal, shown: freshness.quarantined.count)
            quarantined = freshness.quarantined.map { row in
                let place = [row.line.map { ":\($0)" }, row.column.map { ":\($0)" }].compactMap { $0 }.joined()
                let english = words.language == .zh && row.reason.zh == row.reason.en
                return Quarantined(at: row.file + place, reason: row.reason(words.language), lang: english ? "en" : nil)
            }
            pointer = words.quarantinePointer
        }
    }
}
