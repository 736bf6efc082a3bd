import Foundation
import GRDB
import KPISchema

/// The embedded warehouse: one SQLite file, opened through GRDB in WAL mode.
package final class SQLiteStore: SQLStore {
    let queue: DatabaseQueue
    package let path: String
    /// A shared hold on the run lock while an immutable read is open (see ``init(readingAt:)``).
    private let readHold: SharedRunLockHold?

    /// Opens the database at `path` for writing and brings its schema up to date; a store that does not
    /// exist yet is first created whole (see ``createWhole(at:)``).
    package convenience init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // One process at a time creates, switches a new file to WAL (a switch that ignores the busy
        // timeout while another connection creates the file) and migrates it; see ``MigrationLock``.
        let queue = try MigrationLock.holding(path + ".schema-lock") {
            try DamagedStore.reporting(path: path) { () throws -> DatabaseQueue in
                if FileManager.default.fileExists(atPath: path) {
                    Self.removeCreationLeftover(of: path)
                } else {
                    try Self.createWhole(at: path)
                }
                let queue = try DatabaseQueue(path: path, configuration: Self.configuration(readOnly: false))
                try Self.refuseForeign(queue)
                try queue.writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
                try Self.migrator.migrate(queue)
                return queue
            }
        }
        self.init(queue: queue, path: path)
    }

    init(queue: DatabaseQueue, path: String, readHold: SharedRunLockHold? = nil) {
        self.queue = queue
        self.path = path
        self.readHold = readHold
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of page cache instead of SQLite's 2 MiB: a large load otherwise rereads the same
            // index pages from the OS for every upsert.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return configuration
    }

    /// Another program's database is never read or migrated as a warehouse.
    static func refuseForeign(_ queue: DatabaseQueue) throws {
        let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw ForeignDatabase(tables: tables.count)
        }
    }

    /// An in-memory store, for tests.
    package convenience init() throws {
        let queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
        self.init(queue: queue, path: ":memory:")
    }

    package func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try DamagedStore.reporting(path: path) { try queue.read { db in try body(GRDBSession(db: db)) } }
    }

    @discardableResult
    package func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try DamagedStore.reporting(path: path) { try queue.write { db in try body(GRDBSession(db: db)) } }
    }

    package func rehearse<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try DamagedStore.reporting(path: path) {
            var result: T?
            try queue.inTransaction { db in
                result = try body(GRDBSession(db: db))
                return .rollback
            }
            return result!
        }
    }
}

/// A SQLite file that holds tables but no kpibridge schema: another program's database.
package struct ForeignDatabase: Error, CustomStringConvertible {
    package var tables: Int

    package var description: String {
        "it is a SQLite database of another program (\(tables) table\(tables == 1 ? "" : "s"), no kpibridge schema); nothing was changed: "
            + "point --store at a kpibridge store or at a new file"
    }
}
