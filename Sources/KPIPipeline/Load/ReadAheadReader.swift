import Foundation
import KPISchema

/// Reads a file on a thread of its own while the caller's sink stores what it has read, so that parsing
/// the next rows and writing the last ones share the machine's two cores.
///
/// Scanning, decoding and assembling records is about a third of a load, and the store's writes must stay
/// on the thread that holds the file's transaction: the base reader runs on a worker thread for the length
/// of the call, and its records and quarantined rows come back in batches, in the order it gave them, to
/// `sink` on the calling thread. A throw on either side ends both. The reader's error is rethrown here once
/// the rows before it are stored; the sink's stops the reader when it next hands a batch over and is rethrown
/// once the worker has ended, so nothing reads the file after its transaction is gone.
package struct ReadAheadReader: RecordReader {
    package var base: any RecordReader

    package init(base: any RecordReader) {
        self.base = base
    }

    package mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        let channel = RowChannel(base)
        defer { base = channel.base }
        do {
            while let batch = try channel.receive() {
                for item in batch {
                    switch item {
                    case .record(let record): try sink.accept(record)
                    case .quarantined(let row): try sink.quarantine(row)
                    }
                }
            }
        } catch {
            channel.cancel()
            throw error
        }
        return try channel.stats()
    }
}

/// The hand-over between the reading thread and the storing one.
///
/// The base reader belongs to the worker thread from `init` until the worker ends; the condition's lock
/// orders every hand-over, which is why the type can promise `Sendable` without checking.
private final class RowChannel: @unchecked Sendable {
    enum Item {
        case record(NormalizedRecord)
        case quarantined(QuarantinedRow)
    }

    static let batchSize = 1024
    /// Batches waiting to be stored; a bound keeps a fast reader from holding a whole file in memory.
    static let queueLimit = 8

    /// The reader, the worker's while it runs.
    var base: any RecordReader
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [[Item]] = []
    private var outcome: Result<ReadStats, any Error>?
    private var cancelled = false

    init(_ base: any RecordReader) {
        self.base = base
        let thread = Thread { [self] in work() }
        thread.name = "kpibridge read"
        // The main thread's stack, not a secondary thread's smaller default: connectors parse nested JSON and
        // XML documents, and a hostile file must fail the same way whichever thread reads it.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next batch in order; nil once the reader has finished and everything it gave is handed over,
    /// or the reader's error.
    func receive() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && outcome == nil { condition.wait() }
        if !queue.isEmpty {
            condition.broadcast()
            return queue.removeFirst()
        }
        if case .failure(let error) = outcome! { throw error }
        return nil
    }

    /// What the reader counted, once ``receive()`` has returned nil.
    func stats() throws -> ReadStats {
        condition.lock()
        defer { condition.unlock() }
        return try outcome!.get()
    }

    /// Stops the reader when it next hands a batch over, and waits for the worker to end.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        while outcome == nil { condition.wait() }
    }

    /// Queues one full batch, waiting while the queue is full; throws once the storing side has given up.
    func send(_ batch: [Item]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.queueLimit && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(batch)
        condition.broadcast()
    }

    private func work() {
        var sink = BatchingSink(channel: self)
        var result = Result { () throws -> ReadStats in try base.read(into: &sink) }
        // The rows given before a failure are handed over too, as they reach a sink the reader calls itself.
        do { try sink.flush() } catch { if case .success = result { result = .failure(error) } }
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// The storing side stopped: the reader stops too. Never reaches the caller, who throws its own error.
    struct Cancelled: Error {}
}

/// The worker's sink: rows gathered into batches for the channel.
private struct BatchingSink: RecordSink {
    let channel: RowChannel
    private var batch: [RowChannel.Item] = []

    init(channel: RowChannel) {
        self.channel = channel
        batch.reserveCapacity(RowChannel.batchSize)
    }

    mutating func accept(_ record: NormalizedRecord) throws { try add(.record(record)) }

    mutating func quarantine(_ row: QuarantinedRow) throws { try add(.quarantined(row)) }

    mutating func flush() throws {
        guard !batch.isEmpty else { return }
        try channel.send(batch)
        batch = []
        batch.reserveCapacity(RowChannel.batchSize)
    }

    private mutating func add(_ item: RowChannel.Item) throws {
        batch.append(item)
        if batch.count >= RowChannel.batchSize { try flush() }
    }
}
