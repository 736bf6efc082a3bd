import KPIConnectors
import KPISchema
import Logging

/// Wraps a reader so that a long file logs how far it has got every `interval` rows.
package struct ProgressReader: RecordReader {
    package var base: any RecordReader
    package let file: String
    package let interval: Int
    package let logger: Logger

    package mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        var counting = CountingSink(base: sink, file: file, interval: interval, logger: logger)
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
    let logger: Logger
    private var lastLine = 0
    private var rows = 0

    init(base: Base, file: String, interval: Int, logger: Logger) {
        self.base = base
        self.file = file
        self.interval = interval
        self.logger = logger
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
        if rows % interval == 0 {
            logger.info("\(file): \(rows) rows…", metadata: ["event": "rows", "file": "\(file)", "rows": "\(rows)"])
        }
    }
}
