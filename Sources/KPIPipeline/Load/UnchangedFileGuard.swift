import KPIConnectors
import KPISchema

/// Fails a file whose bytes changed between planning and the end of its load (a sync tool still writing
/// it, a truncation mid-read): the ledger would otherwise record the hash of bytes that were not the ones
/// loaded, and the whole file, when it came back, would be skipped as already loaded. Thrown inside the
/// file's transaction, so nothing of it is kept and the next run reads it whole.
///
/// Hashing again costs one more sequential read of the file, small beside parsing it.
package struct UnchangedFileGuard: RecordReader {
    package var base: any RecordReader
    package let path: String
    package let file: String
    /// What planning hashed: the ledger's key for this load.
    package let expected: FileFingerprint

    package init(base: any RecordReader, path: String, file: String, expected: FileFingerprint) {
        self.base = base
        self.path = path
        self.file = file
        self.expected = expected
    }

    package mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        let stats = try base.read(into: &sink)
        let now: FileFingerprint
        do { now = try FileFingerprint.compute(path: path) } catch {
            throw FileChangedWhileReading(file: file, detail: "it can no longer be read (\(error))")
        }
        if now.sha256 != expected.sha256 {
            throw FileChangedWhileReading(file: file, detail: now.byteCount == expected.byteCount
                ? "same size, different bytes" : "\(expected.byteCount) bytes when planned, \(now.byteCount) now")
        }
        return stats
    }
}

/// A file's bytes changed while the run read it.
package struct FileChangedWhileReading: SourceError, Equatable {
    package var file: String
    package var detail: String

    package var description: String {
        "\(file): changed while it was read (\(detail)); nothing of it is kept, and the next run reads it whole"
    }
}
