import KPISchema
import KPIStore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// The warehouse on PostgreSQL: the same tables, views and results as ``SQLiteStore``, for teams whose
/// report tools read a shared database and for several cron hosts sharing one store.
///
/// One connection per store, used by one transaction at a time; the run lock is a session-level
/// advisory lock on that connection, so the server drops it if the process dies.
package final class PostgresStore: SQLStore {
    package let location: PostgresLocation
    let connection: PostgresConnection
    let inFlight: QueryInFlight
    let logger: Logger
    /// Serialises transactions on the one connection.
    private let lock = NIOLock()

    /// Connects, creates the schema if asked for, and brings the tables up to date; with `readOnly` every
    /// later transaction of the session is read-only, so a reading command cannot change the store.
    package init(location: PostgresLocation, readOnly: Bool = false) throws {
        self.location = location
        // postgres-nio logs at debug and trace only; kpibridge reports failures through its errors.
        logger = Logger(label: "kpibridge.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try Self.tls(location.tls))
        configuration.options.connectTimeout = .seconds(10)
        if let schema = location.schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresStoreError(message: "cannot connect to \(location): \(PostgresStoreError(error).message)")
        }
        inFlight = QueryInFlight(watching: connection)
        do {
            try PostgresSchema.bringUpToDate(self, schema: location.schema)
            if readOnly { _ = try autocommit("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY") }
        } catch {
            try? connection.close().wait()
            throw error
        }
    }

    deinit {
        try? connection.close().wait()
    }

    private static func tls(_ mode: PostgresLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return .disable
        case .prefer, .require:
            // As libpq's modes of the same names: encrypted, the server's certificate not checked.
            configuration.certificateVerification = .none
            let context = try NIOSSLContext(configuration: configuration)
            return mode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    func session() -> PostgresSession {
        PostgresSession(connection: connection, inFlight: inFlight, logger: logger, cursorNames: .init())
    }

    package func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", commit: true, body)
    }

    @discardableResult
    package func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN", commit: true, body)
    }

    package func rehearse<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction("BEGIN", commit: false, body)
    }

    private func transaction<T>(_ begin: String, commit: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        try lock.withLock {
            let session = session()
            _ = try session.run(begin, [])
            let result: T
            do {
                result = try body(session)
            } catch {
                _ = try? session.run("ROLLBACK", [])
                throw error
            }
            _ = try session.run(commit ? "COMMIT" : "ROLLBACK", [])
            return result
        }
    }

    /// Runs one statement outside any transaction (the run lock's calls).
    func autocommit(_ sql: String, _ values: [StoreValue] = []) throws -> [[TableValue]] {
        try lock.withLock { try session().rows(sql, values) }
    }
}
