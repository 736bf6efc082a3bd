import KPISchema
import KPIStore
import KPIWorkspace

/// The exchange rates a refresh converts with: the workspace's fx table and every rate file loaded from
/// the inbox (`fx.rates`, `fx.boc_whpj`).
///
/// A rate file in the inbox loads like any export; before, its rows were stored and never used, so a
/// seller who dropped in the bank's table still met "no fx rate". Both sources count, and a day they
/// give differently is refused rather than settled by order.
enum ExchangeRates {
    static func table(_ workspace: Workspace, store: any RecordStore) throws -> FXTable {
        var loaded: [FXTable.Rate] = []
        var problems: [String] = []
        try store.forEachFlat(.fxRate) { record in
            let at = "\(record.lineage.file):\(record.lineage.line)"
            guard record.values.count >= 4, case .date(let date)? = record.values[0], case .text(let from)? = record.values[1],
                  case .text(let to)? = record.values[2], case .decimal(let rate)? = record.values[3] else {
                problems.append("\(at): not a rate row (date, from, to, rate)")
                return
            }
            for code in [from, to] where !FXTable.isCurrencyCode(code) {
                problems.append("\(at): `\(code)` is not a currency code; expected USD, CNY, …")
            }
            if rate <= 0 { problems.append("\(at): `\(rate.plainString)` is not a positive rate") }
            loaded.append(FXTable.Rate(date: date, from: from, to: to, rate: rate, origin: at))
        }
        guard problems.isEmpty else {
            throw PipelineError.failed((["loaded exchange rates cannot be used; nothing was recomputed:"] + problems.prefix(10).map { "  " + $0 })
                .joined(separator: "\n"))
        }
        do {
            return try FXTable.combining([workspace.fx.rates, loaded], maxCarryDays: workspace.fx.maxCarryDays)
        } catch {
            throw PipelineError.failed(error.description)
        }
    }
}
