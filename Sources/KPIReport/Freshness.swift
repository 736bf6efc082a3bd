import KPISchema

/// How current the data behind a report is: the last run, what each connector has loaded, and the
/// rows set aside, so a reader knows what the numbers do not yet include.
package struct Freshness: Sendable, Hashable {
    /// `load_ledger` rows of one connector, summed.
    package struct Source: Sendable, Hashable {
        package var connector: String
        package var files: Int
        package var rowsLoaded: Int
        package var rowsQuarantined: Int
        package var lastLoadedAt: String
        /// The last day its records reach (the latest order, event, ticket, report day…) in the report's
        /// zone; nil when it wrote no dated record (a roster, a cost sheet).
        package var dataThrough: CivilDate?

        package init(connector: String, files: Int, rowsLoaded: Int, rowsQuarantined: Int, lastLoadedAt: String,
                     dataThrough: CivilDate? = nil) {
            self.connector = connector
            self.files = files
            self.rowsLoaded = rowsLoaded
            self.rowsQuarantined = rowsQuarantined
            self.lastLoadedAt = lastLoadedAt
            self.dataThrough = dataThrough
        }
    }

    /// One `quarantine` row, without its raw text (which may hold customer data).
    package struct Quarantined: Sendable, Hashable {
        package var id: Int64
        package var file: String
        package var line: Int?
        package var column: Int?
        /// English where the row predates `reason_zh` (its Chinese then repeats the English).
        package var reason: Bilingual

        package init(id: Int64, file: String, line: Int?, column: Int?, reason: Bilingual) {
            self.id = id
            self.file = file
            self.line = line
            self.column = column
            self.reason = reason
        }
    }

    /// The zone `dataThrough` dates are in (the first profile's); nil when no source has one.
    package var zone: String?
    /// The latest finished run, if any.
    package var lastRun: RunRecord?
    package var sources: [Source]
    /// The first quarantined rows (the report lists a few and points at the table for the rest).
    package var quarantined: [Quarantined]
    package var quarantinedTotal: Int

    package init(lastRun: RunRecord? = nil, sources: [Source] = [], quarantined: [Quarantined] = [], quarantinedTotal: Int = 0) {
        self.lastRun = lastRun
        self.sources = sources
        self.quarantined = quarantined
        self.quarantinedTotal = quarantinedTotal
    }
}
