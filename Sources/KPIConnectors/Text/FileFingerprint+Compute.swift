import Crypto
import KPISchema

extension FileFingerprint {
    /// Hashes and encoding-checks the file at `path` without holding it in memory.
    package static func compute(path: String) throws -> FileFingerprint {
        let source = try FileByteSource(path: path)
        var hasher = SHA256()
        var validator = UTF8Validator()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(FileByteSource.chunkSize)
        var total = 0
        while true {
            buffer.removeAll(keepingCapacity: true)
            let count = try source.read(into: &buffer)
            if count == 0 { break }
            total += count
            hasher.update(data: buffer)
            validator.feed(buffer)
        }
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return FileFingerprint(sha256: digest, byteCount: total, isUTF8: validator.isCompleteAndValid)
    }

    /// The encoding to read the file with, given what its spec declares.
    package func resolve(_ declared: SourceEncoding) -> SourceEncoding {
        switch declared {
        case .auto: isUTF8 ? .utf8 : .gb18030
        case .utf8, .gb18030: declared
        }
    }
}
