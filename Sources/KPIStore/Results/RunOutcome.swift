import KPISchema

/// How a run ended, for the `runs` table.
package struct RunOutcome: Sendable, Hashable {
    package var runID: Int64
    package var finishedAt: Instant
    package var status: String
    package var exitCode: Int
    package var filesRead: Int
    package var filesSkipped: Int
    package var rowsLoaded: Int
    package var rowsQuarantined: Int
    package var factsWritten: Int
    /// What went wrong, in both languages (stored as `message` and `message_zh`).
    package var message: Bilingual?

    package init(runID: Int64, finishedAt: Instant, status: String, exitCode: Int, filesRead: Int = 0,
                filesSkipped: Int = 0, rowsLoaded: Int = 0, rowsQuarantined: Int = 0, factsWritten: Int = 0,
                message: Bilingual? = nil) {
        self.runID = runID
        self.finishedAt = finishedAt
        self.status = status
        self.exitCode = exitCode
        self.filesRead = filesRead
        self.filesSkipped = filesSkipped
        self.rowsLoaded = rowsLoaded
        self.rowsQuarantined = rowsQuarantined
        self.factsWritten = factsWritten
        self.message = message
    }
}
