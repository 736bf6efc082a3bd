import KPIConnectors
import KPISchema

extension SourceConfig {
    /// How a period may be written, for messages.
    package static let periodForms = "2026-10, 2026-10-31, 2026-10-01..2026-10-07, from_name or from_report"
    /// ``periodForms`` for Chinese messages.
    package static let periodFormsZh = "2026-10、2026-10-31、2026-10-01..2026-10-07、from_name 或 from_report"
    /// `period: from_name`: each file's period is the date in its name (see ``DateRange/init(fileName:)``).
    package static let periodFromName = "from_name"
    /// `period: from_report`: each file states its period in a line above its header (see ``DateRange/init(statedIn:)``).
    package static let periodFromReport = "from_report"

    /// Whether `period` is written in one of ``periodForms``.
    package static func isPeriod(_ period: String) -> Bool {
        period == periodFromName || period == periodFromReport || DateRange(parsing: period) != nil
    }

    /// The days `displayPath` covers under this source's `period:`.
    func days(of displayPath: String) -> DateRange? {
        guard let period, period != Self.periodFromReport else { return nil }
        return period == Self.periodFromName ? DateRange(fileName: displayPath) : DateRange(parsing: period)
    }

    /// The context a connector reads `displayPath` with under these settings.
    package func context(displayPath: String, fingerprint: FileFingerprint, runID: Int64) -> SourceContext {
        var context = SourceContext(displayPath: displayPath, fingerprint: fingerprint, runID: runID, shop: shop, platform: platform,
                      timezone: timezone, currency: currency, period: days(of: displayPath),
                      // Checked when the workspace opened (`Workspace.init` refuses a bad block).
                      routing: shopFrom.flatMap { try? $0.routing().get() }, sameOrder: sameOrder)
        context.periodFromReport = period == Self.periodFromReport
        return context
    }
}

extension Workspace {
    /// The settings for reading `display` with `given.connector`: each setting in `given` (from the
    /// command line) wins over the matching workspace source's. The resulting period must parse.
    package func settings(for display: String, given: SourceConfig) throws(PipelineError) -> SourceConfig {
        let configured = source(for: display).flatMap { $0.connector == given.connector ? $0 : nil }
        let merged = SourceConfig(
            connector: given.connector, files: given.files, shop: given.shop ?? configured?.shop,
            platform: given.platform ?? configured?.platform, timezone: given.timezone ?? configured?.timezone,
            currency: given.currency ?? configured?.currency, period: given.period ?? configured?.period,
            shopFrom: given.shopFrom ?? configured?.shopFrom, sameOrder: given.sameOrder ?? configured?.sameOrder)
        if let period = merged.period, !SourceConfig.isPeriod(period) {
            throw .usage(Bilingual("period `\(period)` is not like \(SourceConfig.periodForms)",
                                   "周期 `\(period)` 的写法不对，应如 \(SourceConfig.periodFormsZh)"))
        }
        if merged.shopFrom != nil, given.shop != nil || given.platform != nil {
            throw .usage(Bilingual(
                "\(display) is read by a source with `shop_from`, which names each row's shop and platform; "
                    + "leave out --shop and --platform (or edit the source's rules)",
                "\(display) 由带 `shop_from` 的数据源读取，它会为每一行指定店铺和平台；"
                    + "请去掉 --shop 和 --platform（或修改该数据源的规则）"))
        }
        return merged
    }
}
