import KPISchema

/// A streaming, byte-level reader of CSV and TSV records.
///
/// Written by hand because it is the hottest loop of an import, and because real exports need
/// what general CSV libraries do not combine: RFC 4180 quotes with embedded line breaks, a
/// quoting-off mode for Amazon flat files, BOM, CRLF or lone CR, trimmed cells, and exact physical
/// line numbers for quarantine messages. Memory holds one chunk and one record, whatever the file size.
package struct DelimitedScanner {
    /// The longest record accepted; longer ones (a runaway quote) are reported, not buffered forever.
    package static let maxRecordBytes = 16 << 20

    private var source: any ByteSource
    private let format: DelimitedFormat
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var atStart = true
    private var nextLine = 1

    /// The file's name for errors.
    private let file: String

    package init(source: any ByteSource, format: DelimitedFormat, file: String = "") {
        self.source = source
        self.format = format
        self.file = file
        buffer.reserveCapacity(FileByteSource.chunkSize * 2)
    }

    /// The next non-blank record, nil at the end of the input.
    package mutating func next() throws -> SourceRow? {
        while true {
            guard let record = try scanRecord() else { return nil }
            if record.fields.allSatisfy(\.isEmpty) && !record.raw.contains("\"") {
                continue  // a blank line, or one of only delimiters and spaces: no data to lose
            }
            return record
        }
    }

    /// Returns the byte at `position`, refilling the buffer as needed; nil at end of input.
    private mutating func peek() throws -> UInt8? {
        if position < buffer.count { return buffer[position] }
        if exhausted { return nil }
        if position > 0 {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        }
        while buffer.isEmpty {
            if try source.read(into: &buffer) == 0 {
                exhausted = true
                return nil
            }
        }
        if atStart {
            atStart = false
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // UTF-8 BOM
            return try peek()
        }
        return buffer[position]
    }

    private mutating func scanRecord() throws -> SourceRow? {
        guard try peek() != nil else { return nil }
        let startLine = nextLine
        var fields: [String] = []
        var field: [UInt8] = []
        var raw: [UInt8] = []
        var quoted = false        // inside an open quote
        var wasQuoted = false     // this field began with a quote
        var fieldColumn = 1
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        func finishField() {
            fields.append(Self.decode(field, trim: format.trimCells && !wasQuoted))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }

        while let byte = try peek() {
            position += 1
            if raw.count >= Self.maxRecordBytes {
                throw DelimitedScanError(file: file, line: startLine, column: fieldColumn,
                                         message: Bilingual("record longer than \(Self.maxRecordBytes) bytes (unbalanced quote?)",
                                                           "记录超过 \(Self.maxRecordBytes) 字节（引号不成对？）"),
                                         raw: String(decoding: raw.prefix(200), as: UTF8.self))
            }
            if quoted {
                if byte == quote {
                    if try peek() == quote {
                        position += 1
                        field.append(quote)
                        raw.append(quote); raw.append(quote)
                    } else {
                        quoted = false
                        raw.append(quote)
                    }
                    continue
                }
                if byte == lf {
                    nextLine += 1
                } else if byte == cr, try peek() != lf {
                    nextLine += 1
                }
                field.append(byte)
                raw.append(byte)
                continue
            }
            switch byte {
            case format.delimiter:
                finishField()
                fieldColumn = fields.count + 1
                raw.append(byte)
            case lf:
                nextLine += 1
                finishField()
                return SourceRow(line: startLine, fields: fields, raw: String(decoding: raw, as: UTF8.self))
            case cr:
                if try peek() == lf { position += 1 }
                nextLine += 1
                finishField()
                return SourceRow(line: startLine, fields: fields, raw: String(decoding: raw, as: UTF8.self))
            case quote where format.quoting && Self.isBlank(field):
                // Opening quote (spaces before it are dropped, as Excel does).
                field.removeAll(keepingCapacity: true)
                quoted = true
                wasQuoted = true
                raw.append(byte)
            default:
                field.append(byte)
                raw.append(byte)
            }
        }
        if quoted {
            throw DelimitedScanError(file: file, line: startLine, column: fieldColumn,
                                     message: Bilingual("quoted cell opened here is never closed before the end of the file",
                                                       "从这里开始的带引号单元格直到文件末尾都没有闭合"),
                                     raw: String(decoding: raw.prefix(200), as: UTF8.self))
        }
        finishField()
        return SourceRow(line: startLine, fields: fields, raw: String(decoding: raw, as: UTF8.self))
    }

    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") }
    }

    private static func decode(_ bytes: [UInt8], trim: Bool) -> String {
        guard trim else { return String(decoding: bytes, as: UTF8.self) }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
