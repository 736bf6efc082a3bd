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
        var problems: [Bilingual] = []
        try store.forEachFlat(.fxRate) { record in
            let at = "\(record.lineage.file):\(record.lineage.line)"
            guard record.values.count >= 4, case .date(let date)? = record.values[0], case .text(let from)? = record.values[1],
                  case .text(let to)? = record.values[2], case .decimal(let rate)? = record.values[3] else {
                problems.append(Bilingual("\(at): not a rate row (date, from, to, rate)", "\(at)：不是汇率行（`date, from, to, rate`）"))
                return
            }
            for code in [from, to] where !FXTable.isCurrencyCode(code) {
                problems.append(Bilingual("\(at): `\(code)` is not a currency code; expected USD, CNY, …", "\(at)：`\(code)` 不是币种代码；应为 USD、CNY 等"))
            }
            if rate <= 0 {
                problems.append(Bilingual("\(at): `\(rate.plainString)` is not a positive rate", "\(at)：`\(rate.plainString)` 不是正数汇率"))
            }
            loaded.append(FXTable.Rate(date: date, from: from, to: to, rate: rate, origin: at))
        }
        guard problems.isEmpty else {
            let heading = Bilingual("loaded exchange rates cannot be used; nothing was recomputed:", "已加载的汇率无法使用；未重新计算任何内容：")
            let indent = Bilingual("  ", "  ")
            throw PipelineError.failed(Bilingual.joined([heading] + problems.prefix(10).map { indent + $0 }, en: "\n", zh: "\n"))
        }
        do {
            return try FXTable.combining([workspace.fx.rates, loaded], maxCarryDays: workspace.fx.maxCarryDays)
        } catch {
            throw PipelineError.failed(error.sentence)
        }
    }
}
