import KPIStore
import Logging
import PostgresNIO

/// ``SQLSession`` on one PostgreSQL connection, driven synchronously: each statement is sent through
/// postgres-nio's EventLoopFuture API and waited for on the calling thread.
///
/// Waiting on a future needs no Swift concurrency thread (the event loop completes it), so the store
/// stays usable from the synchronous pipeline and from tests running on the cooperative pool alike.
struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let inFlight: QueryInFlight
    let logger: Logger
    /// Names server-side cursors uniquely within the session's transaction.
    let cursorNames: CursorNames

    /// Rows fetched per round trip by a cursor.
    static let fetchSize = 2_000

    func execute(_ sql: String, _ values: [StoreValue]) throws -> Int {
        try run(sql, values).metadata.rows ?? 0
    }

    func rows(_ sql: String, _ values: [StoreValue]) throws -> [[TableValue]] {
        try run(sql, values).rows.map { try $0.tableValues() }
    }

    func cursor(_ sql: String) throws -> any SQLCursor {
        let name = cursorNames.next()
        _ = try run("DECLARE \(name) NO SCROLL CURSOR FOR \(sql)", [])
        return Cursor(session: self, fetch: "FETCH FORWARD \(Self.fetchSize) FROM \(name)")
    }

    func writer(_ statement: UpsertStatement, returned: ReturnedRows?) throws -> any SQLRowWriter {
        BatchWriter(session: self, statement: statement, returned: statement.returning.isEmpty ? nil : returned)
    }

    func run(_ sql: String, _ values: [StoreValue]) throws -> PostgresQueryResult {
        do {
            return try inFlight.run(PostgresParameters.query(sql, values), on: connection, logger: logger)
        } catch let error as PostgresStoreError {
            throw error
        } catch let error as PSQLError where [.serverClosedConnection, .clientClosedConnection, .connectionError].contains(error.code) {
            // After connecting, a broken channel is the connection lost, however postgres-nio words it.
            throw PostgresStoreError.connectionLost
        } catch {
            throw PostgresStoreError(error, sql: sql)
        }
    }

    /// Counts cursors so each gets its own name.
    final class CursorNames {
        private var count = 0

        func next() -> String {
            count += 1
            return "kpibridge_cursor_\(count)"
        }
    }

    private final class Cursor: SQLCursor {
        let session: PostgresSession
        let fetch: String
        private var buffer: [PostgresRow] = []
        private var position = 0
        private var exhausted = false

        init(session: PostgresSession, fetch: String) {
            self.session = session
            self.fetch = fetch
        }

        func next() throws -> [TableValue]? {
            if position == buffer.count {
                guard !exhausted else { return nil }
                buffer = try session.run(fetch, []).rows
                position = 0
                exhausted = buffer.count < PostgresSession.fetchSize
                if buffer.isEmpty { return nil }
            }
            position += 1
            return try buffer[position - 1].tableValues()
        }
    }

    /// Sends rows many to a statement. A row whose key is already held back is written after the
    /// held rows, because one `INSERT … ON CONFLICT` cannot touch the same row twice — and so the
    /// later row still wins, as it does row by row.
    private final class BatchWriter: SQLRowWriter {
        let session: PostgresSession
        let statement: UpsertStatement
        let keyIndexes: [Int]
        /// PostgreSQL takes at most 65,535 parameters per statement.
        let capacity: Int
        let returned: ReturnedRows?
        private var rows: [[StoreValue]] = []
        private var keys: Set<[StoreValue]> = []

        init(session: PostgresSession, statement: UpsertStatement, returned: ReturnedRows?) {
            self.session = session
            self.statement = statement
            self.returned = returned
            keyIndexes = statement.keyIndexes
            capacity = max(1, min(1_000, 65_535 / statement.columns.count))
        }

        func append(_ row: [StoreValue]) throws {
            if !keyIndexes.isEmpty {
                let key = keyIndexes.map { row[$0] }
                if !keys.insert(key).inserted {
                    try finish()
                    keys.insert(key)
                }
            }
            rows.append(row)
            if rows.count == capacity { try finish() }
        }

        func finish() throws {
            guard !rows.isEmpty else { return }
            let result = try session.run(statement.sql(rows: rows.count), rows.flatMap { $0 })
            if let returned {
                for row in result.rows { try returned(try row.tableValues()) }
            }
            rows.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
        }
    }
}
