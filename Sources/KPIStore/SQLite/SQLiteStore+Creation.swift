import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SQLiteStore {
    /// Creates a new store whole: built and migrated under a temporary name, then linked into place.
    ///
    /// A store file therefore never exists half-made, which is what lets an existing file of 0 bytes be
    /// refused as damaged (a truncated warehouse) instead of being initialized over, with all history lost.
    /// Runs under the ``MigrationLock``, so one process at a time builds, and the leftovers of a build that
    /// was killed are removed first.
    static func createWhole(at path: String) throws {
        let temporary = path + ".new"
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: temporary + suffix)
        }
        let queue = try DatabaseQueue(path: temporary, configuration: configuration(readOnly: false))
        try queue.writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
        try migrator.migrate(queue)
        // Closing the last connection checkpoints the WAL into the file and deletes it: the file is whole.
        try queue.close()
        // A link, not a rename: a file that appeared at `path` meanwhile is kept, never replaced. A file
        // system without hard links (exFAT, some network mounts) gets a rename, which is as safe here: the
        // migration lock is held and `path` was just found absent.
        if link(temporary, path) != 0 {
            let failure = errno
            if [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EXDEV, EMLINK].contains(failure), !FileManager.default.fileExists(atPath: path),
               rename(temporary, path) == 0 {
                return
            }
            if failure != EEXIST {
                unlink(temporary)
                throw StoreFileError.cannotWrite(path, reason: String(cString: strerror(failure)))
            }
        }
        unlink(temporary)
    }

    /// Removes what a creation killed between its link and its unlink left: a second name of the live store.
    static func removeCreationLeftover(of path: String) {
        let temporary = path + ".new"
        if FileManager.default.fileExists(atPath: temporary) { unlink(temporary) }
    }
}
