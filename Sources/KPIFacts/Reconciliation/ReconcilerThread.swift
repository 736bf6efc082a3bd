import Foundation
import KPISchema

/// Runs a ``Reconciler`` on a thread of its own, fed records in batches, so that reconciliation and
/// the metric pass share the machine's cores instead of taking turns on one.
///
/// Reconciling is about as much work per order as computing every metric, and the two read the same
/// records: the caller keeps the metric pass on its thread and hands each record here as well. The
/// reconciler belongs to the worker thread from `init` until ``finish()`` returns it; the condition's
/// lock orders every hand-over, which is why the type can promise `Sendable` without checking.
package final class ReconcilerThread: @unchecked Sendable {
    /// A record the reconciler compares.
    package enum Item: Sendable {
        case order(OrderBundle)
        case ticket(FlatRecord)
        case stock(FlatRecord)
        case fee(FlatRecord)
        case ad(FlatRecord)
    }

    private static let batchSize = 512
    /// Batches waiting for the worker; a bound keeps a fast reader from queueing the whole store.
    private static let queueLimit = 8

    private var reconciler: Reconciler
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [[Item]] = []
    private var closed = false
    private var done = false
    private var failure: (any Error)?
    // The caller's alone.
    private var batch: [Item] = []

    /// Starts the worker with `reconciler`, which it owns until ``finish()``.
    package init(_ reconciler: Reconciler) {
        self.reconciler = reconciler
        batch.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in work() }
        thread.name = "kpibridge reconcile"
        thread.start()
    }

    /// Queues one record; throws the worker's error, if it failed, instead of queueing more.
    package func add(_ item: Item) throws {
        batch.append(item)
        if batch.count >= Self.batchSize { try send() }
    }

    /// Waits for every queued record to be compared and returns the reconciler, or throws the first
    /// error a comparison raised. Ends the worker thread either way.
    package func finish() throws -> Reconciler {
        try? send()  // throws only the worker's error, which is thrown below once the worker has ended
        condition.lock()
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        let failure = failure
        condition.unlock()
        if let failure { throw failure }
        return reconciler
    }

    private func send() throws {
        guard !batch.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.queueLimit && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let items = queue.removeFirst()
            let failed = failure != nil
            condition.broadcast()
            condition.unlock()
            // After a failure the rest is drained unread, so the caller never waits on a full queue.
            guard !failed else { continue }
            do {
                for item in items {
                    switch item {
                    case .order(let bundle): try reconciler.add(bundle)
                    case .ticket(let record): reconciler.add(ticket: record)
                    case .stock(let record): reconciler.add(stock: record)
                    case .fee(let record): try reconciler.add(fee: record)
                    case .ad(let record): try reconciler.add(ad: record)
                    }
                }
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
