import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serializes schema migrations of one SQLite file across processes.
///
/// GRDB reads which migrations are applied once and then runs the rest, each in its own transaction,
/// so two processes opening a new (or older) store at the same moment both run the same `ALTER TABLE`
/// and the second fails (`duplicate column name`) — Reliability/concurrent.py found it with two cron
/// runs on an empty workspace. Holding an exclusive `flock` on a file beside the database while
/// opening makes the second process wait, then find nothing left to do. It is not the run lock's file:
/// opening a store (an export during a run) must not wait for a job, only for another open.
enum MigrationLock {
    /// Runs `body` holding an exclusive `flock` on `path`, waiting up to `timeout` seconds for it.
    static func holding<T>(_ path: String, timeout: Double = 120, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreFileError.cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                throw StoreFileError(description: "another process held \(path) for \(Int(timeout)) s while this one waited to update the schema")
            }
            usleep(20_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
