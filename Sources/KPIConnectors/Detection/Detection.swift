/// How well one connector fits a file, judged by its header alone.
public struct Detection: Sendable, Hashable {
    public var connector: String
    /// Every required column was found.
    public var fits: Bool
    /// Fields whose column was found (required and optional).
    public var matched: Int
    public var fieldCount: Int
    /// Required fields with no column, by field name.
    public var missing: [String]
    /// The line the header was found on (0 for JSON and XML, whose keys are the header).
    public var headerLine: Int
    /// Header cells no field of the connector reads: schema drift worth a note, never fatal.
    public var unknownColumns: [String]
}
