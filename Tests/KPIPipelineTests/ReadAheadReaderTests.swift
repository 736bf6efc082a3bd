import Foundation
import KPIPipeline
import KPISchema
import Testing

/// The reader on its own thread hands every row over in order, and a failure on either side ends both.
@Suite struct ReadAheadReaderTests {
    /// Ticket number `n` from line `n` of `tickets.csv`.
    static func ticket(_ n: Int) -> NormalizedRecord {
        var values = [FlatValue?](repeating: nil, count: FlatKind.ticket.schema.fields.count)
        values[0] = .text("zendesk")
        values[1] = .text("T-\(n)")
        return .flat(FlatRecord(kind: .ticket, values: values,
                                lineage: Lineage(connector: "test", file: "tickets.csv", line: n, contentHash: "h\(n)", runID: 1)))
    }

    static func quarantined(_ n: Int) -> QuarantinedRow {
        QuarantinedRow(connector: "test", file: "tickets.csv", line: n, column: 2,
                       reason: Bilingual("bad date", "日期无效"), raw: "row \(n)")
    }

    /// What a reader did, read after `read` returns: the reader runs on another thread.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var _given = 0
        private var _ended = false
        var given: Int { lock.withLock { _given } }
        var ended: Bool { lock.withLock { _ended } }
        func gave() { lock.withLock { _given += 1 } }
        func end() { lock.withLock { _ended = true } }
    }

    struct ReaderFailed: Error, Equatable { var line: Int }
    struct SinkFailed: Error, Equatable {}

    /// Gives `count` rows, every seventh quarantined; throws after `failAfter` rows when set.
    struct NumberedReader: RecordReader {
        var count: Int
        var failAfter: Int?
        let log: Log

        mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
            defer { log.end() }
            var stats = ReadStats()
            for n in 1...count {
                if n - 1 == failAfter { throw ReaderFailed(line: n) }
                stats.rowsRead += 1
                if n % 7 == 0 {
                    stats.rowsQuarantined += 1
                    try sink.quarantine(ReadAheadReaderTests.quarantined(n))
                } else {
                    stats.recordsEmitted += 1
                    try sink.accept(ReadAheadReaderTests.ticket(n))
                }
                log.gave()
            }
            return stats
        }
    }

    /// Collects rows; throws on the record of line `failAt` when set.
    struct FailingSink: RecordSink {
        var failAt: Int?
        var collected = CollectingSink()

        mutating func accept(_ record: NormalizedRecord) throws {
            if record.lineage.line == failAt { throw SinkFailed() }
            collected.accept(record)
        }

        mutating func quarantine(_ row: QuarantinedRow) throws { collected.quarantine(row) }
    }

    @Test func handsOverEveryRowInOrderWithTheReadersCounts() throws {
        let log = Log()
        var reader = ReadAheadReader(base: NumberedReader(count: 10_000, log: log))
        var sink = CollectingSink()
        let stats = try reader.read(into: &sink)
        #expect(stats.rowsRead == 10_000)
        #expect(stats.rowsQuarantined == 1_428)
        #expect(stats.recordsEmitted == 8_572)
        #expect(sink.records == (1...10_000).filter { $0 % 7 != 0 }.map(Self.ticket))
        #expect(sink.quarantined == (1...10_000).filter { $0 % 7 == 0 }.map(Self.quarantined))
    }

    @Test func aReadersErrorIsRethrownAfterTheRowsBeforeIt() throws {
        let log = Log()
        var reader = ReadAheadReader(base: NumberedReader(count: 10_000, failAfter: 5_000, log: log))
        var sink = CollectingSink()
        #expect(throws: ReaderFailed(line: 5_001)) { try reader.read(into: &sink) }
        #expect(sink.records.count + sink.quarantined.count == 5_000)
        #expect(sink.records.last == Self.ticket(5_000))
    }

    @Test func aSinksErrorStopsTheReaderBeforeItReturns() throws {
        let log = Log()
        var reader = ReadAheadReader(base: NumberedReader(count: 1_000_000, log: log))
        var sink = FailingSink(failAt: 10)
        #expect(throws: SinkFailed()) { try reader.read(into: &sink) }
        // The reader has ended when `read` throws, far short of its million rows: at most the batches the
        // queue holds were read ahead.
        #expect(log.ended)
        #expect(log.given < 20_000)
        #expect(sink.collected.records.map(\.lineage.line) == [1, 2, 3, 4, 5, 6, 8, 9])
    }

    @Test func anEmptyFileGivesNoRows() throws {
        struct Empty: RecordReader {
            mutating func read(into sink: inout some RecordSink) throws -> ReadStats { ReadStats() }
        }
        var reader = ReadAheadReader(base: Empty())
        var sink = CollectingSink()
        #expect(try reader.read(into: &sink) == ReadStats())
        #expect(sink.records.isEmpty && sink.quarantined.isEmpty)
    }
}
