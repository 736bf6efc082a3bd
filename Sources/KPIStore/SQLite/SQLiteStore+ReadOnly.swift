import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SQLiteStore {
    /// Opens an existing store for reading only, so that reading commands provably change nothing and a
    /// store on a read-only mount, in a read-only folder or owned by someone else can still be exported and
    /// reported.
    ///
    /// An older schema is brought up to date first when the file can be written (as any open did before);
    /// when it cannot, the store is refused with what to do rather than read with columns missing.
    package convenience init(readingAt path: String) throws {
        var (queue, hold) = try DamagedStore.reporting(path: path) { try Self.openReadOnly(path) }
        if try !DamagedStore.reporting(path: path, { try queue.read { try Self.migrator.hasCompletedMigrations($0) } }) {
            guard access(path, W_OK) == 0, access((path as NSString).deletingLastPathComponent, W_OK) == 0 else {
                throw OlderSchema(path: path)
            }
            try queue.close()
            hold = nil
            try SQLiteStore(path: path).queue.close()
            (queue, hold) = try Self.openReadOnly(path)
        }
        self.init(queue: queue, path: path, readHold: hold)
    }

    private static func openReadOnly(_ path: String) throws -> (DatabaseQueue, SharedRunLockHold?) {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
            try refuseForeign(queue)
            return (queue, nil)
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) {
            // A WAL store in a folder where SQLite cannot create its shared-memory file. With no WAL
            // beside it (a store closed cleanly, or a copy of the file alone) the file holds every committed
            // page, and SQLite may read it as immutable; with a WAL, reading the file alone would miss
            // commits, so the error stands. Immutable means unlocked, so the run lock is held shared for as
            // long as the store is open: no run (every writing command takes that lock) rewrites pages
            // under the reader, and a run in progress makes the read wait for another time.
            guard pendingWALBytes(path) == 0, let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else { throw error }
            let hold = try SharedRunLockHold(path: path + ".lock")
            let queue = try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration(readOnly: true))
            try refuseForeign(queue)
            return (queue, hold)
        }
    }
}

extension SQLiteStore {
    /// The size of the WAL beside the store at `path` (0 when there is none): commits not yet in the file.
    package static func pendingWALBytes(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    }
}

/// A store whose schema is older than this kpibridge's, found by a reading command that cannot update it.
package struct OlderSchema: Error, CustomStringConvertible {
    package var path: String

    package var description: String {
        "its schema is older than this kpibridge's and the file cannot be written here to update it; nothing was changed: "
            + "run a writing command (`kpibridge run`) once where the store is writable"
    }
}
