import KPIWorkspace

/// What `run --schedule` did: the run (when the schedule loads) and the reports it wrote.
package struct ScheduledRun: Sendable {
    package var schedule: String
    package var run: RunReport?
    /// Inbox files left for another schedule (their connector is not in this one's `sources`).
    package var leftForOthers: Int = 0
    /// Workspace-relative paths of the reports written.
    package var reports: [String] = []
}
