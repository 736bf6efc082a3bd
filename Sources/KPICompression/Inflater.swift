import Foundation
#if canImport(zlib)
import zlib
#elseif canImport(CZlib)
import CZlib  // ZIPFoundation's own zlib module on Linux
#endif

/// Inflates deflate data with zlib, exactly: running out of input before the stream's end marker is
/// an error, never a loop (see ``ZipPartReader`` for why ZIPFoundation's inflater is not used).
package enum Inflater {
    package enum Problem: Error {
        case tooLarge
        case damaged(String)
    }

    /// How the compressed bytes are framed.
    package enum Framing {
        /// Bare deflate, as inside a zip part.
        case raw
        /// A gzip member: header, deflate, CRC-32 and length (checked by zlib).
        case gzip

        var windowBits: Int32 {
            switch self {
            case .raw: -MAX_WBITS
            case .gzip: 16 + MAX_WBITS
            }
        }
    }

    /// The inflated bytes of exactly `input`, refused past `limit` bytes.
    package static func inflated(_ input: Data, framing: Framing, limit: Int) throws(Problem) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, framing.windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        let result: Result<Void, Problem> = input.withUnsafeMutableBytes { raw in
            stream.next_in = raw.bindMemory(to: Bytef.self).baseAddress
            stream.avail_in = uInt(raw.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= limit else { return .failure(.tooLarge) }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    return .success(())
                case Z_OK where produced > 0 || stream.avail_in > 0:
                    continue
                case Z_OK, Z_BUF_ERROR:
                    return .failure(.damaged("its compressed data ends before the stream does"))
                default:
                    return .failure(.damaged("its compressed data is corrupt (zlib error \(status))"))
                }
            }
        }
        try result.get()
        return output
    }

    /// CRC-32 of `data`, as zip and gzip record it.
    package static func checksum(of data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            UInt32(crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
        }
    }
}
