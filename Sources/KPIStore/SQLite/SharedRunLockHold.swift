import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shared `flock` on a store's run lock file, held while the store is read without SQLite's own
/// locking (immutable): runs, which take the lock exclusively, cannot start meanwhile.
final class SharedRunLockHold: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the shared lock at `path`; a run holding it now is an error naming that run. A lock file that
    /// does not exist yet means no run has written this store under that name.
    init?(path: String) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreFileError(description: "a run is writing this store now, and a store in a folder kpibridge cannot write "
                + "is read without SQLite's locks; read it once the run is done")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
