import Foundation
import KPISchema
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SQLite store's run lock: `flock` on a file beside the database.
///
/// The kernel drops an `flock` when its process dies, so a killed run never blocks the next one; the
/// holder text it leaves behind is how the next run learns that the previous one did not finish.
/// A clean release empties the file. Written by hand because no package on the mirror wraps `flock`.
final class FileRunLease: RunLease {
    let takenOver: RunHolder?
    private let descriptor: Int32

    /// Claims the lock at `path` for `holder`, or throws ``RunLockBusy`` naming who has it.
    init(path: String, holder: RunHolder) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreFileError.cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let current = Self.read(descriptor)
            close(descriptor)
            throw RunLockBusy(holder: RunHolder(text: current), lock: path)
        }
        takenOver = RunHolder(text: Self.read(descriptor))
        self.descriptor = descriptor
        Self.write(holder.text, to: descriptor)
    }

    /// Who holds the lock at `path` right now, without taking it: nil when no run holds it.
    static func holder(path: String) -> RunHolder? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // A shared lock is refused only while a run holds the exclusive one.
        guard flock(descriptor, LOCK_SH | LOCK_NB) != 0 else {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return RunHolder(text: read(descriptor))
    }

    deinit {
        Self.write("", to: descriptor)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func read(_ descriptor: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        return count > 0 ? String(decoding: bytes[0..<count], as: UTF8.self) : ""
    }

    private static func write(_ text: String, to descriptor: Int32) {
        ftruncate(descriptor, 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        fsync(descriptor)
    }
}

/// The in-memory store's lease: nothing else can open that store, so there is nothing to exclude.
final class NoRunLease: RunLease {
    let takenOver: RunHolder? = nil
}
