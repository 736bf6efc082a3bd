import Foundation
import KPISchema

/// Reads one file with a compiled spec: finds the header, then parses, filters, carries forward and
/// assembles each row into records, quarantining rows with unreadable values.
struct SpecFileReader: RecordReader {
    private let spec: CompiledSpec
    private let context: SourceContext
    private var scanner: DelimitedScanner
    private let binding: HeaderBinding
    private let headerLine: Int
    private let dateCells: [DateTimeCell?]
    private var assembler: RecordAssembler

    init(spec: CompiledSpec, path: String, context: SourceContext) throws {
        self.spec = spec
        self.context = context
        var source: any ByteSource = try FileByteSource(path: path)
        if context.fingerprint.resolve(spec.encoding) == .gb18030 {
            source = try GB18030ByteSource(upstream: source)
        }
        scanner = DelimitedScanner(source: source, format: spec.format)

        let zoneName = context.timezone ?? spec.spec.timezone
        let zone: Zone
        if let zoneName {
            guard let resolved = Zone(zoneName) else {
                throw ConnectorSpecError(path: context.displayPath, message: "timezone `\(zoneName)` is not a zone name or offset")
            }
            zone = resolved
        } else if spec.readsLocalTimes {
            throw ConnectorSpecError(path: spec.id, message: "reads times without an offset; set `timezone` in the spec or the workspace source")
        } else {
            zone = .utc
        }
        let records = spec.spec.records
        if spec.fieldIndex["currency"] == nil, context.currency == nil,
           records.order != nil || records.orderLine != nil || records.refund != nil {
            throw ConnectorSpecError(path: spec.id, message: "has no `currency` field; set `currency:` on the workspace source (or --currency)")
        }
        dateCells = spec.fields.map { field in
            if case .datetime(let patterns) = field.parser { return DateTimeCell(patterns: patterns, zone: zone) }
            return nil
        }

        // The header is the first of the leading rows that carries every required column.
        var best: (HeaderBinding, missing: [CompiledSpec.CompiledField], line: Int)?
        var found: (HeaderBinding, Int)?
        for _ in 0..<spec.headerSearchRows {
            guard let record = try scanner.next() else { break }
            let attempt = HeaderBinding.bind(spec, header: record.fields)
            if attempt.missing.isEmpty {
                found = (attempt.0, record.line)
                break
            }
            if best == nil || attempt.missing.count < best!.missing.count {
                best = (attempt.0, attempt.missing, record.line)
            }
        }
        guard let (binding, line) = found else {
            let headers = best?.0.headers ?? []
            throw MissingColumnsError(
                file: context.displayPath, connector: spec.id,
                missing: (best?.missing ?? spec.fields.filter { $0.spec.required }).map { field in
                    .init(field: field.name, accepted: field.spec.column,
                          closest: HeaderName.closest(to: field.headers, among: headers))
                },
                found: headers)
        }
        self.binding = binding
        self.headerLine = line
        self.assembler = RecordAssembler(spec: spec, context: context)
    }

    mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        var stats = ReadStats()
        while true {
            let record: DelimitedRecord
            do {
                guard let next = try scanner.next() else { break }
                record = next
            } catch let error as DelimitedScanError {
                stats.rowsRead += 1
                stats.rowsQuarantined += 1
                try sink.quarantine(QuarantinedRow(
                    connector: spec.id, file: context.displayPath, line: error.line, column: error.column,
                    reason: "\(context.displayPath):\(error.line):\(error.column): \(error.message)", raw: error.raw))
                break
            }
            stats.rowsRead += 1
            switch parse(record) {
            case .skip:
                stats.rowsSkipped += 1
            case .bad(let column, let message):
                stats.rowsQuarantined += 1
                let at = column.map { "\(context.displayPath):\(record.line):\($0)" } ?? "\(context.displayPath):\(record.line)"
                try sink.quarantine(QuarantinedRow(connector: spec.id, file: context.displayPath, line: record.line,
                                                   column: column, reason: "\(at): \(message)", raw: record.raw))
            case .row(let values):
                switch assembler.assemble(values, line: record.line) {
                case .records(let produced):
                    for item in produced { try sink.accept(item) }
                    stats.recordsEmitted += produced.count
                case .missing(let fieldIndex):
                    stats.rowsQuarantined += 1
                    let field = spec.fields[fieldIndex]
                    let column = binding.columns[fieldIndex]
                    let header = column.map { binding.headers[$0] } ?? field.name
                    let at = "\(context.displayPath):\(record.line)" + (column.map { ":\($0 + 1)" } ?? "")
                    try sink.quarantine(QuarantinedRow(
                        connector: spec.id, file: context.displayPath, line: record.line, column: column.map { $0 + 1 },
                        reason: "\(at): \(header): empty, but `\(field.name)` is required", raw: record.raw))
                }
            }
        }
        return stats
    }

    private enum Outcome {
        case skip
        case bad(column: Int?, message: String)
        case row([FieldValue?])
    }

    private func parse(_ record: DelimitedRecord) -> Outcome {
        let headerCount = binding.headers.count
        if record.fields.count > headerCount, record.fields[headerCount...].contains(where: { !$0.isEmpty }) {
            return .bad(column: headerCount + 1, message: "row has \(record.fields.count) cells but the header (line \(headerLine)) has \(headerCount)")
        }
        var values: [FieldValue?] = []
        values.reserveCapacity(spec.fields.count)
        for (index, field) in spec.fields.enumerated() {
            let column = binding.columns[index]
            var cell = column.map { record[cell: $0] } ?? ""
            if cell.isEmpty, let fallback = field.spec.default { cell = fallback }
            do {
                values.append(try value(of: cell, field: field, index: index))
            } catch {
                let header = column.map { binding.headers[$0] } ?? field.name
                return .bad(column: column.map { $0 + 1 }, message: "\(header): \(error.problem); expected \(error.expected)")
            }
        }
        for filter in spec.filters {
            let text = values[filter.field]?.text ?? ""
            if let prefix = filter.prefix, text.hasPrefix(prefix) { return .skip }
            if let equals = filter.equals, text == equals { return .skip }
        }
        return .row(values)
    }

    private func value(of cell: String, field: CompiledSpec.CompiledField, index: Int) throws(CellParseError) -> FieldValue? {
        switch field.parser {
        case .text:
            return cell.isEmpty ? nil : .text(cell)
        case .integer:
            return try IntegerCell().parse(cell).map(FieldValue.integer)
        case .decimal(let parser):
            return try parser.parse(cell).map(FieldValue.decimal)
        case .datetime:
            return try dateCells[index]!.parse(cell).map(FieldValue.timestamp)
        }
    }
}
