import Foundation

/// Rows of text fields parked in an unlinked temporary file while a pass produces them, then read back one
/// at a time as the store writes them.
///
/// Rows the metric pass makes in proportion to the records (reconciliation details, record credits) would
/// otherwise be most of a run's memory, growing with the input. The file is unlinked as soon as it is open,
/// so a killed run leaves nothing behind. Rows are tab separated with `\\`, `\t`, `\n` and `\r` escaped and
/// `\N` for no value: written by hand because it is the one format cheap enough to write and read a row at
/// a time on this path.
package final class SpoolFile {
    /// Rows appended so far.
    package private(set) var count = 0
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var failure: (any Error)?

    /// Opens an empty spool in `directory` (the system's temporary directory by default); `name` tells its
    /// temporary file apart while it is being opened.
    package init(name: String, directory: URL = FileManager.default.temporaryDirectory) throws {
        let url = directory.appendingPathComponent("kpibridge-\(name)-\(UUID().uuidString).tsv")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SpoolFileError(description: "cannot create the temporary file \(url.path) (set TMPDIR to a writable folder with space)")
        }
        handle = try FileHandle(forUpdating: url)
        try FileManager.default.removeItem(at: url)
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        try? handle.close()
    }

    /// Adds one row. A write error is kept and thrown by ``rows()``.
    package func append(_ fields: [String?]) {
        guard failure == nil else { return }
        for field in fields { put(field) }
        buffer[buffer.count - 1] = UInt8(ascii: "\n")
        count += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    /// The rows in the order they were appended, each with its 1-based line for errors; reading them again
    /// starts from the first.
    package func rows() throws -> () throws -> (fields: [String?], line: Int)? {
        flush()
        if let failure { throw failure }
        try handle.seek(toOffset: 0)
        var lines = LineReader(handle: handle)
        return {
            guard let line = try lines.next() else { return nil }
            return (Self.decode(line), lines.number)
        }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do {
            try handle.seekToEnd()  // ``rows()`` may have moved the position
            try handle.write(contentsOf: buffer)
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// One field and its tab.
    private func put(_ text: String?) {
        guard let text else {
            buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "N")); buffer.append(UInt8(ascii: "\t"))
            return
        }
        for byte in text.utf8 {
            let escaped: UInt8? = switch byte {
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): UInt8(ascii: "t")
            case UInt8(ascii: "\n"): UInt8(ascii: "n")
            case UInt8(ascii: "\r"): UInt8(ascii: "r")
            default: nil
            }
            if let escaped {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(escaped)
            } else {
                buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\t"))
    }

    private static func decode(_ line: ArraySlice<UInt8>) -> [String?] {
        var fields: [String?] = []
        var field: [UInt8] = [], escaping = false, isNull = false
        for byte in line {
            if escaping {
                escaping = false
                switch byte {
                case UInt8(ascii: "t"): field.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): field.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): field.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "N") where field.isEmpty: isNull = true
                default: field.append(byte)
                }
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else if byte == UInt8(ascii: "\t") {
                fields.append(isNull ? nil : String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                isNull = false
            } else {
                field.append(byte)
            }
        }
        fields.append(isNull ? nil : String(decoding: field, as: UTF8.self))
        return fields
    }

    /// A spool line that does not read back as the row written (a bug, or the file changed under the run).
    package struct SpoolError: Error, CustomStringConvertible {
        package var spool: String
        package var line: Int
        package var description: String { "\(spool) spool: line \(line) does not read back as the row written" }
    }
}

/// Lines of a file read in 1 MiB chunks.
private struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The 1-based number of the line last returned.
    private(set) var number = 0

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = end + 1 }
                number += 1
                return buffer[start..<end]
            }
            if atEnd {
                guard start == buffer.count else { throw SpoolFile.SpoolError(spool: "temporary", line: number + 1) }
                return nil
            }
            buffer.removeFirst(start)
            start = 0
            if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        }
    }
}

/// The spool's temporary file could not be made, worded for the terminal rather than as a `CocoaError`.
struct SpoolFileError: Error, CustomStringConvertible {
    var description: String
}
