/// How well one connector fits a file, judged by its header alone.
package struct Detection: Sendable, Hashable {
    package var connector: String
    /// Every column the connector reads was found, and more than half of the columns it knows or one
    /// column no other connector knows.
    package var fits: Bool
    /// Fields whose column was found (required and optional).
    package var matched: Int
    package var fieldCount: Int
    /// Fields it reads whose column is missing, by field name.
    package var missing: [String]
    /// The line the header was found on (0 for JSON and XML, whose keys are the header).
    package var headerLine: Int
    /// Header cells no field of the connector reads: schema drift worth a note, never fatal.
    package var unknownColumns: [String]
}
