import KPIConnectors
import KPISchema

/// Wraps a reader so that a long file reports how far it has got every `interval` rows.
struct ProgressReader: RecordReader {
    var base: any RecordReader
    let file: String
    let interval: Int
    let report: @Sendable (String) -> Void

    mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        var counting = CountingSink(base: sink, file: file, interval: interval, report: report)
        let stats = try base.read(into: &counting)
        sink = counting.base
        return stats
    }
}

/// Forwards to the real sink, counting source rows (records from one row count once per row line).
private struct CountingSink<Base: RecordSink>: RecordSink {
    var base: Base
    let file: String
    let interval: Int
    let report: @Sendable (String) -> Void
    private var lastLine = 0
    private var rows = 0

    init(base: Base, file: String, interval: Int, report: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.file = file
        self.interval = interval
        self.report = report
    }

    mutating func accept(_ record: NormalizedRecord) throws {
        try base.accept(record)
        count(line: record.lineage.line)
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        try base.quarantine(row)
        count(line: row.line)
    }

    private mutating func count(line: Int) {
        guard line != lastLine else { return }
        lastLine = line
        rows += 1
        if rows % interval == 0 { report("\(file): \(rows) rows…") }
    }
}
