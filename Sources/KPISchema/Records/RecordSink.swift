/// Where records and quarantined rows go: the store's loader in production, an array in tests.
public protocol RecordSink {
    mutating func accept(_ record: NormalizedRecord) throws
    mutating func quarantine(_ row: QuarantinedRow) throws
}

/// Collects everything in memory; for tests and previews.
public struct CollectingSink: RecordSink {
    public var records: [NormalizedRecord] = []
    public var quarantined: [QuarantinedRow] = []

    public init() {}

    public mutating func accept(_ record: NormalizedRecord) { records.append(record) }
    public mutating func quarantine(_ row: QuarantinedRow) { quarantined.append(row) }
}
