import KPISchema

/// A reader that can say which of the file's columns its connector does not know.
package protocol HeaderReporting {
    /// Header cells neither read by a field nor listed in the spec's `known_columns`; empty when
    /// the spec lists no known columns (it cannot tell drift from columns it simply ignores).
    var unknownColumns: [String] { get }
    /// Each spec field and the header of the column feeding it (nil when the file lacks it).
    var fieldColumns: [(field: String, header: String?)] { get }
    /// The line the header was found on (0 for JSON and XML).
    var headerLine: Int { get }
    /// Columns records read that the file lacks, read as the spec's default: "`Header` (field)".
    var absentOptionalColumns: [String] { get }
    /// Per plain-data kind the file makes, the schema fields its columns (or a spec default) can fill.
    var filledFlatFields: [FlatKind: Set<String>] { get }
}
