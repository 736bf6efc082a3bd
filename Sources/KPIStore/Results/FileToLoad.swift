import KPISchema

/// A file about to be loaded, as the ledger will record it.
package struct FileToLoad: Sendable {
    package var path: String
    package var connector: String
    package var fingerprint: FileFingerprint
    package var encoding: String
    package var runID: Int64
    package var at: Instant

    package init(path: String, connector: String, fingerprint: FileFingerprint, encoding: String, runID: Int64, at: Instant) {
        self.path = path
        self.connector = connector
        self.fingerprint = fingerprint
        self.encoding = encoding
        self.runID = runID
        self.at = at
    }
}
