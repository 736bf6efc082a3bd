import Foundation
import KPISchema

/// Reconciliation detail rows parked in a temporary file while the order pass produces them, then read
/// back one at a time as the store writes them.
///
/// At a million order lines the two profiles of a typical workspace differ on some 650,000
/// record-periods; held as values they were most of a run's memory, and memory grew with the input.
/// The file is unlinked as soon as it is open, so a killed run leaves nothing behind. Rows are tab
/// separated with `\\`, `\t`, `\n` and `\r` escaped and `\N` for no value: written by hand because it
/// is the one format cheap enough to write and read a row at a time on this path.
package final class DetailSpool {
    /// Rows appended so far.
    package private(set) var count = 0
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var failure: (any Error)?
    private static let fieldCount = 18

    /// Opens an empty spool in `directory` (the system's temporary directory by default).
    package init(directory: URL = FileManager.default.temporaryDirectory) throws {
        let url = directory.appendingPathComponent("kpibridge-detail-\(UUID().uuidString).tsv")
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
    package func append(_ d: ReconciliationDetail) {
        guard failure == nil else { return }
        put(d.grain.rawValue); put(d.periodStart.description); put(d.metric); put(d.profileA); put(d.profileB)
        put(d.recordKind); put(d.recordID); put(d.platform); put(d.shop); put(d.inA ? "1" : "0"); put(d.inB ? "1" : "0")
        put(d.valueA?.description); put(d.valueBInA?.description); put(d.reasons.map(\.rawValue).joined(separator: ","))
        put(d.explanation.en); put(d.sourceFile); put(String(d.sourceLine)); put(d.explanation.zh)
        buffer[buffer.count - 1] = UInt8(ascii: "\n")
        count += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    /// The rows in the order they were appended; reading them again starts from the first.
    package func rows() throws -> DetailRows {
        flush()
        if let failure { throw failure }
        try handle.seek(toOffset: 0)
        var lines = LineReader(handle: handle)
        return DetailRows {
            guard let line = try lines.next() else { return nil }
            return try Self.decode(line, number: lines.number)
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

    private static func decode(_ line: ArraySlice<UInt8>, number: Int) throws -> ReconciliationDetail {
        var fields: [String?] = []
        fields.reserveCapacity(fieldCount)
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
        func bad() -> SpoolError { SpoolError(line: number) }
        guard fields.count == fieldCount, let grain = Grain(rawValue: fields[0] ?? ""),
              let start = CivilDate(iso: fields[1] ?? ""), let line = Int(fields[16] ?? "") else { throw bad() }
        var reasons: [ReconcileReason] = []
        for raw in (fields[13] ?? "").split(separator: ",") {
            guard let reason = ReconcileReason(rawValue: String(raw)) else { throw bad() }
            reasons.append(reason)
        }
        func decimal(_ text: String?) throws -> Decimal? {
            guard let text else { return nil }
            guard let value = Decimal(plain: text) else { throw bad() }
            return value
        }
        return ReconciliationDetail(
            grain: grain, periodStart: start, metric: fields[2] ?? "", profileA: fields[3] ?? "", profileB: fields[4] ?? "",
            recordKind: fields[5] ?? "", recordID: fields[6] ?? "", platform: fields[7] ?? "", shop: fields[8] ?? "",
            inA: fields[9] == "1", inB: fields[10] == "1", valueA: try decimal(fields[11]), valueBInA: try decimal(fields[12]),
            reasons: reasons, explanation: Bilingual(fields[14] ?? "", fields[17] ?? ""), sourceFile: fields[15] ?? "", sourceLine: line)
    }

    /// A spool line that does not read back as the row written (a bug, or the file changed under the run).
    package struct SpoolError: Error, CustomStringConvertible {
        package var line: Int
        package var description: String { "reconciliation detail spool: line \(line) does not read back as a detail row" }
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
                guard start == buffer.count else { throw DetailSpool.SpoolError(line: number + 1) }
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
