import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

/// The one statement a store's connection is waiting on, failed when the connection closes.
///
/// postgres-nio 1.33 drops a query written to a channel that closed between the caller's check and the
/// write, and never answers it: Reliability/crash.py found runs waiting forever after a server restart.
/// One close handler per connection (registered at connect) fails whatever is in flight; a handler per
/// statement would keep every answer, rows and all, alive until the connection ends.
final class QueryInFlight: Sendable {
    private let slot = NIOLockedValueBox<EventLoopPromise<PostgresQueryResult>?>(nil)

    /// Fails the statement in flight, if any, when `connection` closes.
    init(watching connection: PostgresConnection) {
        connection.closeFuture.whenComplete { [slot] _ in
            slot.withLockedValue { $0 }?.fail(PostgresStoreError.connectionLost)
        }
    }

    /// Sends `query` and waits for its answer or for the connection to close, whichever comes first.
    func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) throws -> PostgresQueryResult {
        let answer = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        slot.withLockedValue { $0 = answer }
        defer { slot.withLockedValue { $0 = nil } }
        // Checked after the slot is set: a close from here on fails `answer` (a promise keeps its first result).
        guard !connection.isClosed else {
            answer.fail(PostgresStoreError.connectionLost)  // NIO traps on a promise dropped unfulfilled
            throw PostgresStoreError.connectionLost
        }
        connection.query(query, logger: logger).cascade(to: answer)
        return try answer.futureResult.wait()
    }
}
