/// Where a normalized record came from: enough to find the exact source line again.
package struct Lineage: Sendable, Hashable, Codable {
    /// Connector id, e.g. `amazon.all_orders`.
    package var connector: String
    /// The source file, relative to the workspace when it lies inside it.
    package var file: String
    /// 1-based physical line where the record's row starts.
    package var line: Int
    /// SHA-256 of the whole source file, hex.
    package var contentHash: String
    /// The run that loaded it.
    package var runID: Int64

    package init(connector: String, file: String, line: Int, contentHash: String, runID: Int64) {
        self.connector = connector
        self.file = file
        self.line = line
        self.contentHash = contentHash
        self.runID = runID
    }
}
