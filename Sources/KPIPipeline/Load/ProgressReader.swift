import KPIConnectors
import KPISchema
import Logging

/// Wraps a reader so that a long file logs how far it has got every `interval` rows.
package struct ProgressReader: RecordReader {
    package var base: any RecordReader
    package let file: String
    package let interval: Int
    package let logger: Logger
    /// Asked to stop: the next row throws ``Interrupted``, rolling the file's transaction back.
    package var stop: StopRequest?

    package mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        var counting = CountingSink(base: sink, file: file, interval: interval, logger: logger, stop: stop)
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
    let stop: StopRequest?
    private var lastLine = 0
    private var rows = 0

    init(base: Base, file: String, interval: Int, logger: Logger, stop: StopRequest?) {
        self.base = base
        self.file = file
        self.interval = interval
        self.logger = logger
        self.stop = stop
    }

    mutating func accept(_ record: NormalizedRecord) throws {
        try stop?.check()
        try base.accept(record)
        count(line: record.lineage.line)
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        try stop?.check()
        try base.quarantine(row)
        count(line: row.line)
    }

    private mutating func count(line: Int) {
        guard line != lastLine else { return }
        lastLine = line
        rows += 1
        if rows % interval == 0 {
            logger.info("\(file): \(rows) rows…", metadata: ["event": "rows", "file": "\(file)", "rows": "\(rows)",
                                                             Bilingual.logKey: "\(file)：已读 \(rows) 行……"])
        }
    }
}
