import KPIConnectors
import KPISchema

/// Fails a file every data row of which was quarantined: it would load nothing that counts, and a run
/// exiting 0 over it would hide that a whole export was misread. Thrown inside the file's transaction,
/// so nothing of it is kept (not even its ledger entry) and the next run reads it again once fixed.
package struct QuarantineGuard: RecordReader {
    package var base: any RecordReader
    package let file: String

    package init(base: any RecordReader, file: String) {
        self.base = base
        self.file = file
    }

    package mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        var watching = FirstReasons(base: sink)
        let stats = try base.read(into: &watching)
        sink = watching.base
        if stats.rowsLoaded == 0, stats.rowsQuarantined > 0 {
            throw AllRowsQuarantined(file: file, count: stats.rowsQuarantined, reasons: watching.reasons)
        }
        return stats
    }
}

/// Every data row of a file was quarantined.
package struct AllRowsQuarantined: SourceError, Equatable {
    package var file: String
    package var count: Int
    /// The first few reasons, each with file, line and column.
    package var reasons: [String]

    package var description: String {
        "\(file): all \(count) data row\(count == 1 ? " was" : "s were") quarantined and none loaded, so nothing of the file "
            + "is kept; fix it and run again. First reasons:\n" + reasons.map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Forwards to the real sink, keeping the first reasons rows were quarantined for.
private struct FirstReasons<Base: RecordSink>: RecordSink {
    var base: Base
    var reasons: [String] = []

    mutating func accept(_ record: NormalizedRecord) throws { try base.accept(record) }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        if reasons.count < 3 { reasons.append(row.reason.en.escapingControlCharacters()) }
        try base.quarantine(row)
    }
}
