import Crypto

/// The identity of a source file's bytes, computed in one streaming pass.
public struct FileFingerprint: Sendable, Hashable {
    /// SHA-256 of the content, lowercase hex: the load ledger's key.
    public var sha256: String
    public var byteCount: Int
    /// Whether the whole file is well-formed UTF-8 (which includes pure ASCII).
    public var isUTF8: Bool

    public init(sha256: String, byteCount: Int, isUTF8: Bool) {
        self.sha256 = sha256
        self.byteCount = byteCount
        self.isUTF8 = isUTF8
    }

    /// Hashes and encoding-checks the file at `path` without holding it in memory.
    public static func compute(path: String) throws -> FileFingerprint {
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
    public func resolve(_ declared: SourceEncoding) -> SourceEncoding {
        switch declared {
        case .auto: isUTF8 ? .utf8 : .gb18030
        case .utf8, .gb18030: declared
        }
    }
}
