import KPISchema
import KPIWorkspace

/// What `run --schedule` did: the run (when the schedule loads) and the reports it wrote.
package struct ScheduledRun: Sendable {
    package var schedule: String
    package var run: RunReport?
    /// Inbox files left for another schedule (their connector is not in this one's `sources`).
    package var leftForOthers: Int = 0
    /// Workspace-relative paths of the reports written.
    package var reports: [String] = []
    /// The period `close:` closed this run, or why it did not.
    package var close: Closing?

    /// What a schedule's `close:` did.
    package enum Closing: Sendable {
        case closed(CloseJob.Closed)
        /// Within its grace days: closed by a run on or after `from`.
        case waiting(Period, from: CivilDate)
    }
    /// What the `notify:` webhooks that take `report` were told of the reports written.
    package var reportDeliveries: [Notifications.Delivery] = []

    /// The run's exit code, or 1 when a webhook could not be told of the reports.
    package var exitCode: Int32 {
        let code = run?.exitCode ?? 0
        if code == 0 || code == PipelineError.Kind.stale.rawValue, reportDeliveries.contains(where: { $0.failure != nil }) {
            return PipelineError.Kind.failed.rawValue
        }
        return code
    }
}
