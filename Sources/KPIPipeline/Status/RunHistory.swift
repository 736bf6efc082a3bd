import Foundation
import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge status`: the run holding the store now, if any, and the latest runs from `runs`.
package struct RunHistory: Sendable {
    package var store: String
    package var holder: RunHolder?
    /// Newest first.
    package var runs: [RunRecord]
    /// Tracking numbers with carrier scans that no record with an order id names (`v_unlinked_tracking`).
    package var unlinkedTracking = 0
    /// The closes in force, and how many facts of theirs the records would now give differently.
    package var closes: [ClosedPeriod] = []
    package var restatements = 0
    /// How the user named the workspace and store, for the commands the listing suggests.
    package var invocation = Invocation()

    /// Reads the lock holder and the last `limit` runs.
    package static func load(_ pipeline: Pipeline, limit: Int) throws(PipelineError) -> RunHistory {
        var runs: [RunRecord] = []
        let holder: RunHolder?
        do {
            holder = try pipeline.store.runLockHolder()
            try pipeline.store.scan(.runs) { values in
                guard let run = RunRecord(StoredRow(.runs, values)) else { return }
                runs.append(run)
                if runs.count > limit { runs.removeFirst() }
            }
        } catch {
            throw .failed(Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)"))
        }
        var history = RunHistory(store: pipeline.storeURL.description, holder: holder, runs: runs.reversed())
        history.invocation = pipeline.invocation
        do {
            try pipeline.store.scan(ReportingView.unlinkedTracking.table) { _ in history.unlinkedTracking += 1 }
            history.closes = try pipeline.store.closedPeriods().closes
            history.restatements = try pipeline.store.restatements().count
        } catch {
            throw .failed(Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)"))
        }
        return history
    }

}
