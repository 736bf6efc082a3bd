#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Transcodes a GB18030 byte stream to UTF-8 on the fly with the C library's iconv.
///
/// Foundation on Linux has no streaming GB18030 decoder, and decoding whole files would make memory
/// grow with file size. Sequences split across chunks are carried over; an invalid sequence becomes
/// U+FFFD so that the row it sits in can still be located and quarantined.
package final class GB18030ByteSource: ByteSource {
    private var upstream: any ByteSource
    private let converter: iconv_t
    private var input: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: FileByteSource.chunkSize * 2)
    private var finished = false

    package init(upstream: any ByteSource) throws(SourceFileError) {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw SourceFileError.undecodable(path: "", encoding: "GB18030 (iconv has no converter)")
        }
        self.upstream = upstream
        self.converter = converter
    }

    deinit { iconv_close(converter) }

    package func read(into buffer: inout [UInt8]) throws -> Int {
        while true {
            if !finished {
                let added = try upstream.read(into: &input)
                if added == 0 { finished = true }
            }
            if input.isEmpty { return 0 }
            let produced = convert(into: &buffer, atEnd: finished)
            if produced > 0 || finished { return produced }
        }
    }

    /// Converts as much of `input` as is complete; returns the bytes appended to `buffer`.
    private func convert(into buffer: inout [UInt8], atEnd: Bool) -> Int {
        var produced = 0
        var consumed = 0
        input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                while consumed < inRaw.count {
                    var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress!.advanced(by: consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inRaw.count - consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress!.assumingMemoryBound(to: CChar.self)
                    var outLeft = outRaw.count
                    let result = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                    let failure = result == -1 ? errno : 0
                    let written = outRaw.count - outLeft
                    buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: outRaw[0..<written]))
                    produced += written
                    consumed = inRaw.count - inLeft
                    if failure == 0 || failure == E2BIG { continue }
                    if failure == EINVAL && !atEnd { break }  // a sequence split by the chunk edge
                    // EILSEQ, or a truncated sequence at the very end: replace one byte and go on.
                    buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    produced += 3
                    consumed += 1
                }
            }
        }
        input.removeFirst(consumed)
        return produced
    }
}
