#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only supply of bytes in chunks, so a file of any size is read in constant memory.
package protocol ByteSource {
    /// Appends up to one chunk to `buffer`; returns the number of bytes added, 0 at the end.
    mutating func read(into buffer: inout [UInt8]) throws -> Int
}

/// Reads a file with `fread` in fixed-size chunks.
///
/// Hand-written over `FileHandle` because it reuses the caller's buffer instead of allocating a
/// `Data` per chunk, which matters on the hot import path.
package final class FileByteSource: ByteSource {
    package static let chunkSize = 1 << 16
    private let handle: UnsafeMutablePointer<FILE>
    private var scratch = [UInt8](repeating: 0, count: FileByteSource.chunkSize)
    package let path: String

    package init(path: String) throws(SourceFileError) {
        guard let handle = fopen(path, "rb") else {
            throw SourceFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        self.path = path
    }

    deinit { fclose(handle) }

    package func read(into buffer: inout [UInt8]) throws -> Int {
        let count = scratch.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
        if count == 0, ferror(handle) != 0 {
            throw SourceFileError.unreadable(path: path, reason: "read error")
        }
        buffer.append(contentsOf: scratch[0..<count])
        return count
    }
}

/// A file that could not be opened or read at all.
package enum SourceFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case undecodable(path: String, encoding: String)

    package var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot read file: \(reason)"
        case let .undecodable(path, encoding): "\(path): cannot decode as \(encoding)"
        }
    }
}
