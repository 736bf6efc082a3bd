/// Where records and quarantined rows go: the store's loader in production, an array in tests.
package protocol RecordSink {
    mutating func accept(_ record: NormalizedRecord) throws
    mutating func quarantine(_ row: QuarantinedRow) throws
}

/// Collects everything in memory; for tests and previews.
package struct CollectingSink: RecordSink {
    package var records: [NormalizedRecord] = []
    package var quarantined: [QuarantinedRow] = []

    package init() {}

    package mutating func accept(_ record: NormalizedRecord) { records.append(record) }
    package mutating func quarantine(_ row: QuarantinedRow) { quarantined.append(row) }
}
