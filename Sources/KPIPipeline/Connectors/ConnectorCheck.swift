import KPIConnectors
import KPISchema

/// A dry run of one connector over one file: what it would load, and every problem, writing nothing.
package struct ConnectorCheck: Sendable {
    package var file: String
    package var connector: String
    package var headerLine: Int
    package var fieldColumns: [(field: String, header: String?)]
    package var unknownColumns: [String]
    /// Metrics the file's layout cannot feed (see ``MetricReach``).
    package var unfedMetrics: [Bilingual]
    package var stats: ReadStats
    /// Records emitted per kind.
    package var kinds: [String: Int]
    /// The first records, as readable lines.
    package var sample: [String]
    /// Every quarantine reason, in file order.
    package var problems: [Bilingual]

    /// Reads `path` with `connector`; a file-level problem is thrown as a `SourceError`.
    package static func run(_ connector: any Connector, path: String, context: SourceContext, sampleSize: Int = 5) throws -> ConnectorCheck {
        var reader = try connector.open(path: path, context: context)
        let header = reader as? any HeaderReporting
        var sink = PreviewSink(limit: sampleSize)
        let stats = try reader.read(into: &sink)
        return ConnectorCheck(file: context.displayPath, connector: connector.id, headerLine: header?.headerLine ?? 0,
                              fieldColumns: header?.fieldColumns ?? [], unknownColumns: header?.unknownColumns ?? [],
                              unfedMetrics: LoadPlanner.unfedMetrics(header?.filledFlatFields ?? [:]),
                              stats: stats, kinds: sink.kinds, sample: sink.sample, problems: sink.problems)
    }

}

/// Keeps counts, a few records and every problem.
private struct PreviewSink: RecordSink {
    let limit: Int
    var kinds: [String: Int] = [:]
    var sample: [String] = []
    var problems: [Bilingual] = []

    mutating func accept(_ record: NormalizedRecord) {
        kinds[record.kind.description, default: 0] += 1
        if sample.count < limit { sample.append(record.summary) }
    }

    mutating func quarantine(_ row: QuarantinedRow) {
        problems.append(row.reason)
    }
}
