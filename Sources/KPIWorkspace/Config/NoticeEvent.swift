/// What kpibridge tells a chat about.
package enum NoticeEvent: String, Sendable, Hashable, CaseIterable {
    /// A run that failed or exited 1 (files, streams, rates, held scores), or could not start.
    case failed
    /// Sources whose newest export is older than their `fresh_within`.
    case stale
    /// Scorecard lines behind or at risk in the open period.
    case pacing
    /// A report written with `kpibridge report --notify` or by a schedule: its summary.
    case report
    /// `kpibridge notify`'s test message, sent to every webhook whatever its `on:`.
    case test

    /// What an `on:` list may name.
    package static let subscribable: [NoticeEvent] = [.failed, .stale, .pacing, .report]
}
