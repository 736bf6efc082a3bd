import Foundation
import KPICompression
import ZIPFoundation

/// Unpacks one workbook part with zlib, for ZIPFoundation to only list the archive.
///
/// ZIPFoundation 0.9.20 (the version the mirror has) inflates on Linux in a loop that ends only at the
/// deflate stream's end marker: a part whose compressed bytes stop short spins forever at full CPU.
/// FuzzTests found it with one changed byte in `xl/styles.xml`; the fix upstream is not released
/// (weichsel/ZIPFoundation#389). Here the part's compressed bytes are inflated exactly, and running
/// out of them before the end marker is an error. ZIPFoundation still reads the central directory.
enum ZipPartReader {
    enum Problem: Error {
        case tooLarge
        case damaged(String)
    }

    /// The bytes of `entry` of the zip file `file`, refused past `limit` bytes.
    static func read(_ entry: Entry, in file: Data, limit: Int) throws(Problem) -> Data {
        let (method, start) = try locate(entry, in: file)
        guard entry.compressedSize <= UInt64(file.count - start) else {
            throw .damaged("its compressed data runs past the end of the file")
        }
        let compressed = file[start..<(start + Int(entry.compressedSize))]
        let data: Data
        switch method {
        case 0:
            guard compressed.count <= limit else { throw .tooLarge }
            data = Data(compressed)
        case 8:
            do {
                data = try Inflater.inflated(compressed, framing: .raw, limit: limit)
            } catch {
                switch error {
                case .tooLarge: throw .tooLarge
                case .damaged(let reason): throw .damaged(reason.replacingOccurrences(of: "the stream does", with: "the part does"))
                }
            }
        default:
            throw .damaged("compression method \(method) is not one a workbook uses")
        }
        guard Inflater.checksum(of: data) == entry.checksum else { throw .damaged("its checksum does not match its contents") }
        return data
    }

    /// The compression method and the offset of the data of `entry`, from its local header: the
    /// first `PK\u{3}\u{4}` header carrying the entry's name.
    private static func locate(_ entry: Entry, in file: Data) throws(Problem) -> (method: Int, start: Int) {
        let name = Data(entry.path.utf8)
        let signature = Data([0x50, 0x4B, 0x03, 0x04])
        var from = file.startIndex
        while let found = file[from...].firstRange(of: signature) {
            let header = found.lowerBound
            from = found.upperBound
            guard header + 30 <= file.endIndex else { break }
            let nameLength = Int(file[header + 26]) | Int(file[header + 27]) << 8
            let extraLength = Int(file[header + 28]) | Int(file[header + 29]) << 8
            guard nameLength == name.count, header + 30 + nameLength <= file.endIndex,
                  file[(header + 30)..<(header + 30 + nameLength)] == name else { continue }
            let method = Int(file[header + 8]) | Int(file[header + 9]) << 8
            return (method, header + 30 + nameLength + extraLength - file.startIndex)
        }
        throw .damaged("its local header is missing")
    }
}
