import Foundation
import KPISchema
import KPIStore
import KPIWorkspace

/// The `fact_score` rows of one period, as `score` and `explain` print them.
package struct ScoreReport: Sendable {
    /// Rows by column name, in key order.
    package let rows: [[String: TableValue]]
    package let period: Period

    /// Reads the period's rows; a clear error when there are none.
    package static func load(period: Period, store: any TableScanning) throws(PipelineError) -> ScoreReport {
        var rows: [[String: TableValue]] = []
        do {
            try store.scan(.factScore) { values in
                let row = Dictionary(uniqueKeysWithValues: zip(StoreTable.factScore.columns, values))
                guard row["grain"] == .text(period.grain.rawValue), row["period_start"] == .text(period.start.description) else { return }
                rows.append(row)
            }
        } catch {
            throw .failed("\(error)")
        }
        guard !rows.isEmpty else {
            throw .failed("fact_score has no \(period.grain.rawValue) \(period.label) scorecards: run `kpibridge run` (or `kpibridge score`) "
                          + "on a workspace with scorecards.yaml, and check the period has data")
        }
        return ScoreReport(rows: rows, period: period)
    }

    package static func text(_ value: TableValue?) -> String { CellText.plain(value, missing: "–") }

}
