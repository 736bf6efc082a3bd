import Foundation

/// One row of `runs`, as `status` lists it and the report's freshness section names the last one.
package struct RunRecord: Sendable, Hashable {
    package var id: Int64
    package var command: String
    package var startedAt: String
    /// Nil while running, and for a run whose process died (status `abandoned`).
    package var finishedAt: String?
    package var status: String
    package var exitCode: Int?
    package var filesRead: Int
    package var filesSkipped: Int
    package var rowsLoaded: Int
    package var rowsQuarantined: Int
    /// The first line of the run's message (the failure, for a failed run), in both languages; a run from
    /// before store schema v22 has its English in both.
    package var message: Bilingual?

    package init(id: Int64, command: String, startedAt: String, finishedAt: String?, status: String, exitCode: Int? = nil,
                filesRead: Int = 0, filesSkipped: Int = 0, rowsLoaded: Int = 0, rowsQuarantined: Int = 0,
                message: Bilingual? = nil) {
        self.id = id
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.exitCode = exitCode
        self.filesRead = filesRead
        self.filesSkipped = filesSkipped
        self.rowsLoaded = rowsLoaded
        self.rowsQuarantined = rowsQuarantined
        self.message = message
    }

    /// Whole seconds from start to finish; nil while running, for an abandoned run, or when the clock went back.
    package var seconds: Int64? {
        guard let finishedAt, let end = Instant(iso8601: finishedAt), let start = Instant(iso8601: startedAt) else { return nil }
        let seconds = end.secondsSinceEpoch - start.secondsSinceEpoch
        return seconds >= 0 ? seconds : nil
    }
}
