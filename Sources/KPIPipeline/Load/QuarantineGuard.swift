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
    package var reasons: [Bilingual]

    package var description: String { sentence.en }

    package var sentence: Bilingual {
        Bilingual("\(file): all \(count) data row\(count == 1 ? " was" : "s were") quarantined and none loaded, so nothing of the file "
                      + "is kept; fix it and run again. First reasons:\n" + reasons.map { "  " + $0.en }.joined(separator: "\n"),
                  "\(file)：全部 \(count) 行数据都被隔离，没有一行加载，因此这个文件的内容一概不保留；修正后再运行。前几条原因：\n"
                      + reasons.map { "  " + $0.zh }.joined(separator: "\n"))
    }
}

/// Forwards to the real sink, keeping the first reasons rows were quarantined for.
private struct FirstReasons<Base: RecordSink>: RecordSink {
    var base: Base
    var reasons: [Bilingual] = []

    mutating func accept(_ record: NormalizedRecord) throws { try base.accept(record) }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        if reasons.count < 3 {
            reasons.append(Bilingual(row.reason.en.escapingControlCharacters(), row.reason.zh.escapingControlCharacters()))
        }
        try base.quarantine(row)
    }
}
