/// Where a normalized record came from: enough to find the exact source line again.
public struct Lineage: Sendable, Hashable, Codable {
    /// Connector id, e.g. `amazon.all_orders`.
    public var connector: String
    /// The source file, relative to the workspace when it lies inside it.
    public var file: String
    /// 1-based physical line where the record's row starts.
    public var line: Int
    /// SHA-256 of the whole source file, hex.
    public var contentHash: String
    /// The run that loaded it.
    public var runID: Int64

    public init(connector: String, file: String, line: Int, contentHash: String, runID: Int64) {
        self.connector = connector
        self.file = file
        self.line = line
        self.contentHash = contentHash
        self.runID = runID
    }
}
