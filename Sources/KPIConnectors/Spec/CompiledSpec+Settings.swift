import KPISchema

/// A workspace-source setting a layout's files do not carry, so the source (or the command line) must.
package enum SourceSetting: String, Sendable, Hashable, CaseIterable {
    /// Times are written without an offset and the spec names no zone.
    case timezone
    /// Money is read and no column names its currency.
    case currency
    /// Order records or platform-scoped data, and neither the spec nor a column names the platform.
    case platform
    /// Rows carry no date (a Business Report, a snapshot without a date column).
    case period
}

extension CompiledSpec {
    /// The settings a file of this layout cannot be read without that `context` does not supply, in
    /// ``SourceSetting`` order. The reader refuses such a file; `kpibridge init` asks for them up front.
    package func unmetSettings(_ context: SourceContext) -> [SourceSetting] {
        var unmet: [SourceSetting] = []
        if context.timezone == nil, spec.timezone == nil, readsLocalTimes { unmet.append(.timezone) }
        if fieldIndex["currency"] == nil, context.currency == nil, needsCurrency || contextNeeds.contains(.currency) {
            unmet.append(.currency)
        }
        let platformNeeded = spec.records.hasOrderRecords || contextNeeds.contains(.platform)
        if platformNeeded, !knowsPlatform, context.platform == nil, context.routing == nil { unmet.append(.platform) }
        if contextNeeds.contains(.period), context.period == nil, !context.periodFromReport { unmet.append(.period) }
        return unmet
    }
}
