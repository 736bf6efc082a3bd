import Foundation
import KPISchema

/// Gzip documents (Amazon report documents with `compressionAlgorithm: GZIP`).
package enum Gzip {
    /// A gzip member's first two bytes.
    package static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes of one gzip member; `name` is the document in the error message.
    package static func decompress(_ data: Data, name: String, limit: Int = 2 << 30) throws(FileFormatError) -> Data {
        do {
            return try Inflater.inflated(data, framing: .gzip, limit: limit)
        } catch {
            switch error {
            case .tooLarge:
                throw FileFormatError(file: name, message: Bilingual("inflates past \(limit / (1 << 20)) MiB; refused",
                                                                     "解压后超过 \(limit / (1 << 20)) MiB；拒绝读取"))
            case .damaged(let reason):
                throw FileFormatError(file: name, message: Bilingual("is not a complete gzip document: \(reason)", "不是完整的 gzip 文档（zlib：\(reason)）"))
            }
        }
    }
}
