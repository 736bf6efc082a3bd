#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KPIConnectors
import KPISchema

/// Fails a file whose bytes changed between planning and the end of its load (a sync tool still writing
/// it, a truncation mid-read): the ledger would otherwise record the hash of bytes that were not the ones
/// loaded, and the whole file, when it came back, would be skipped as already loaded. Thrown inside the
/// file's transaction, so nothing of it is kept and the next run reads it whole.
///
/// Hashing again costs one more sequential read of the file, small beside parsing it. The hash alone misses
/// a change undone before the read ends (bytes rewritten ahead of the reader, then put back: the reader saw
/// the rewrite, the hash afterwards the original), so the file's identity and change times are compared too:
/// any write in between moves its ctime, which no tool can set back.
package struct UnchangedFileGuard: RecordReader {
    package var base: any RecordReader
    package let path: String
    package let file: String
    /// What planning hashed: the ledger's key for this load.
    package let expected: FileFingerprint
    /// The file's identity and times when the read began.
    private let before: FileStamp?

    package init(base: any RecordReader, path: String, file: String, expected: FileFingerprint) {
        self.base = base
        self.path = path
        self.file = file
        self.expected = expected
        before = FileStamp(path: path)
    }

    package mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        let stats = try base.read(into: &sink)
        if let before, FileStamp(path: path) != before {
            throw FileChangedWhileReading(file: file, detail: Bilingual("written to while it was read", "读取时被写入"))
        }
        let now: FileFingerprint
        do { now = try FileFingerprint.compute(path: path) } catch {
            throw FileChangedWhileReading(file: file, detail: Bilingual("it can no longer be read (\(error))", "已无法读取（\(error)）"))
        }
        if now.sha256 != expected.sha256 {
            throw FileChangedWhileReading(file: file, detail: now.byteCount == expected.byteCount
                ? Bilingual("same size, different bytes", "大小相同，字节不同")
                : Bilingual("\(expected.byteCount) bytes when planned, \(now.byteCount) now", "计划时 \(expected.byteCount) 字节，现在 \(now.byteCount) 字节"))
        }
        return stats
    }
}

/// A file's bytes changed while the run read it.
package struct FileChangedWhileReading: SourceError, Equatable {
    package var file: String
    package var detail: Bilingual

    package var description: String { sentence.en }

    package var sentence: Bilingual {
        Bilingual("\(file): changed while it was read (\(detail.en)); nothing of it is kept, and the next run reads it whole",
                  "\(file)：读取过程中文件被改动（\(detail.zh)）；它的内容一概不保留，下次运行会完整重读")
    }
}

/// A file's device, inode, size and modification and change times, from `stat`.
private struct FileStamp: Equatable {
    var device: UInt64, inode: UInt64, size: Int64
    var modified: Int64, modifiedNanos: Int, changed: Int64, changedNanos: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        (modified, modifiedNanos) = (Int64(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        (changed, changedNanos) = (Int64(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec))
        #else
        (modified, modifiedNanos) = (Int64(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        (changed, changedNanos) = (Int64(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec))
        #endif
    }
}
