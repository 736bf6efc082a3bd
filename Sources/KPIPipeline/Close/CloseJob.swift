import Foundation
import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge close` and `reopen`: a month (or quarter) signed off stays as it was signed off.
///
/// Closing records who closed which period when, after which run; from then on a refresh keeps the
/// period's facts, reconciliation and scores as they stand, and where the records would now give a fact
/// another value (a late file, a correction, a roster change) it writes a restatement instead. Reopening,
/// with a reason, drops the restatements and recomputes the period, recorded as a run of its own.
package struct CloseJob {
    package let pipeline: Pipeline

    package init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    /// What `close` did.
    package struct Closed: Sendable {
        package var period: Period
        package var by: String
        /// The run whose numbers the close keeps.
        package var runID: Int64
        /// False when the period was closed already (nothing changed).
        package var closedNow: Bool
        /// How many fact rows the period holds.
        package var facts: Int
    }

    /// Closes `period` as the store holds it now. Refused while it is under way in any profile's zone, while
    /// loaded records wait for a refresh, or when the store holds no fact of it.
    package func close(_ period: Period, by who: String?) throws(PipelineError) -> Closed {
        let store = pipeline.store, now = pipeline.now()
        let zones = pipeline.workspace.definitions.definitions.allVersions.map(\.zone)
        if let zone = zones.first(where: { $0.date(of: now) <= period.end }) {
            throw .usage(Bilingual("\(period.label) is not over yet in \(zone.identifier) (it ends \(period.end)): close a period once it is past",
                                   "\(period.label) 在 \(zone.identifier) 时区尚未结束（\(period.end) 结束）：请在周期结束后再结账"))
        }
        let claim = try pipeline.claim("close")
        defer { withExtendedLifetime(claim.lease) {} }
        do {
            if !(try store.pendingRefresh().days.isEmpty) {
                throw PipelineError.failed(Bilingual("records loaded since the last refresh are not in the numbers yet: run `kpibridge run` first, then close",
                                                     "上次刷新后加载的记录还没有计入数字：请先运行 `kpibridge run`，再结账"))
            }
            let facts = try store.factMetrics().filter { period.start <= $0.periodStart && $0.periodEnd <= period.end }.count
            guard facts > 0 else {
                throw PipelineError.failed(Bilingual("fact_metric holds nothing for \(period.label): there is nothing to close",
                                                     "fact_metric 中没有 \(period.label) 的数据：没有可结账的内容"))
            }
            let runID = try store.beginRun(command: "close", at: now)
            let closedBy = who ?? Self.defaultCloser
            let closedNow = try store.closePeriod(period, by: closedBy, runID: runID, at: now)
            try store.finishRun(RunOutcome(runID: runID, finishedAt: pipeline.now(), status: "ok", exitCode: 0, filesRead: 0, filesSkipped: 0,
                                           rowsLoaded: 0, rowsQuarantined: 0, factsWritten: 0,
                                           message: Bilingual("closed \(period.grain.rawValue) \(period.label)", "结账：\(period.label)")))
            return Closed(period: period, by: closedBy, runID: runID, closedNow: closedNow, facts: facts)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)"))
        }
    }

    /// Reopens `period` with `reason` and recomputes it: the run that follows is an ordinary `run` whose
    /// `--recompute` is the period.
    package func reopen(_ period: Period, by who: String?, reason: String) throws(PipelineError) -> RunReport {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .usage(Bilingual("give the reason for reopening (--reason): it is kept with the close", "请给出重新打开的原因（--reason）：它会和结账记录保存在一起"))
        }
        do {
            let reopened = try pipeline.store.reopenPeriod(period, by: who ?? Self.defaultCloser, reason: reason, at: pipeline.now())
            guard reopened else {
                throw PipelineError.failed(Bilingual("\(period.label) is not closed (`kpibridge status` lists the closed periods)",
                                                     "\(period.label) 没有结账（`kpibridge status` 会列出已结账的周期）"))
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)"))
        }
        return try pipeline.run(recompute: DateRange(start: period.start, end: period.end)!)
    }

    /// `user@host` of the process, when `--by` names nobody.
    static var defaultCloser: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}
