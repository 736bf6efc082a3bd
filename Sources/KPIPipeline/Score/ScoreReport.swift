import Foundation
import KPISchema
import KPIStore
import KPIWorkspace

/// The `fact_score` rows of one period, as `score` and `explain` print them.
package struct ScoreReport: Sendable {
    /// Rows by column name, in key order.
    package let rows: [[String: TableValue]]
    package let period: Period
    /// Set when the latest run held the scores back (`scores held`): these cards are an earlier run's.
    package var held: Bilingual?

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
            throw .failed(Bilingual("store: \(error)", "存储：\(error)"))
        }
        guard !rows.isEmpty else {
            throw .failed(Bilingual("fact_score has no \(period.grain.rawValue) \(period.label) scorecards: run `kpibridge run` (or `kpibridge score`) "
                                    + "on a workspace with scorecards.yaml, and check the period has data",
                                    "fact_score 中没有\(DisplayNames.grain(period.grain.rawValue, .zh)) \(period.label) 的考核表：请在有 scorecards.yaml 的工作区上运行 "
                                    + "`kpibridge run`（或 `kpibridge score`），并确认该周期有数据"))
        }
        var report = ScoreReport(rows: rows, period: period)
        report.held = try heldNote(store)
        return report
    }

    /// What the latest run said when it held the scores, or nil when it did not.
    static func heldNote(_ store: any TableScanning) throws(PipelineError) -> Bilingual? {
        var latest: RunRecord?
        do {
            try store.scan(.runs) { values in latest = RunRecord(StoredRow(.runs, values)) ?? latest }
        } catch {
            throw .failed(Bilingual("store: \(error)", "存储：\(error)"))
        }
        guard let latest, latest.status == "scores held" else { return nil }
        let reason = latest.message ?? Bilingual("the targets sheet", "目标表")
        return Bilingual("run #\(latest.id) (\(latest.startedAt)) held the scores back (\(reason.en)); these cards are as an earlier run left them",
                         "运行 #\(latest.id)（\(latest.startedAt)）暂缓了评分（\(reason.zh)）；以下考核表是之前某次运行的结果")
    }

    package static func text(_ value: TableValue?) -> String { CellText.plain(value, missing: "–") }

}
