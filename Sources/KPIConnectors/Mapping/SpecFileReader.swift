import Foundation
import KPISchema

/// Reads one file with a compiled spec: finds the header, then parses, filters, carries forward and
/// assembles each row into records, quarantining rows with unreadable values.
struct SpecFileReader: RecordReader, HeaderReporting {
    private let spec: CompiledSpec
    private var context: SourceContext
    private var scanner: any RowSource
    /// Which file column feeds which field, and the header as found.
    let binding: HeaderBinding
    let headerLine: Int
    /// A JSON or XML file, whose header is its records' keys.
    private let keyed: Bool
    private let dateCells: [DateTimeCell?]
    private var assembler: RecordAssembler
    /// Files each row under its shop when the source covers several (`shop_from:`).
    private var router: RowRouter?
    /// The last value of each `fill_down` field.
    private var above: [Int: FieldValue] = [:]
    /// The field naming the buyer (`records.order.customer`), whose text never reaches the quarantine or a message.
    private let buyerField: Int?
    private var mask = BuyerMask.none

    init(spec: CompiledSpec, path: String, context: SourceContext) throws {
        self.spec = spec
        self.context = context
        buyerField = spec.spec.records.order?.customer.flatMap { spec.fieldIndex[$0] }
        let opened = try RowSourceFactory.open(spec, path: path, context: context)
        scanner = opened.source

        for setting in spec.unmetSettings(context) {
            switch setting {
            case .timezone:
                throw ConnectorSpecError(path: spec.id, problem: Bilingual(
                    "reads times without an offset; set `timezone` in the spec or the workspace source",
                    "读取的时间不带时区偏移；请在连接器规格或工作区的数据源中设置 `timezone`"))
            case .currency:
                throw ConnectorSpecError(path: spec.id, problem: Bilingual(
                    "has no `currency` field; set `currency:` on the workspace source (or --currency)",
                    "没有 `currency` 字段；请在工作区的数据源上设置 `currency:`（或用 --currency）"))
            case .platform:
                throw ConnectorSpecError(path: spec.id, problem: Bilingual(
                    "rows do not say their platform; set `platform:` on the workspace source (or --platform)",
                    "行中没有平台信息；请在工作区的数据源上设置 `platform:`（或用 --platform）"))
            case .period:
                throw ConnectorSpecError(path: spec.id, problem: Bilingual(
                    "rows carry no date: say which days \(context.displayPath) covers with `period:` on the workspace source (or --period 2026-10), `period: from_name` with one date, two dates or a month in the file's name, or `period: from_report` when a line above the header states it",
                    "行中没有日期：请说明 \(context.displayPath) 覆盖哪些日子——在工作区的数据源上写 `period:`（或用 --period 2026-10）；文件名含一个日期、两个日期或一个月份时写 `period: from_name`；表头上方有一行写明期间时写 `period: from_report`"))
            }
        }
        let zone: Zone
        if let zoneName = context.timezone ?? spec.spec.timezone {
            guard let resolved = Zone(zoneName) else {
                throw ConnectorSpecError(path: context.displayPath, problem: Bilingual(
                    "timezone `\(zoneName)` is not a zone name or offset", "时区 `\(zoneName)` 不是时区名也不是偏移量"))
            }
            zone = resolved
        } else {
            zone = .utc
        }
        dateCells = spec.fields.indices.map { index in
            switch spec.fields[index].parser {
            case .datetime(let patterns), .date(let patterns): DateTimeCell(patterns: patterns, zone: spec.fieldZones[index] ?? zone)
            default: nil
            }
        }

        // The header is the first of the leading rows that carries every column the spec needs.
        var best: (HeaderBinding, missing: [CompiledSpec.CompiledField], line: Int)?
        var found: (HeaderBinding, Int)?
        var candidates: [SourceRow] = []
        if let header = opened.header {
            candidates = [header]
        } else {
            for _ in 0..<spec.headerSearchRows {
                guard let row = try scanner.next() else { break }
                candidates.append(row)
            }
        }
        var unread = candidates[...]
        while let record = unread.popFirst() {
            let attempt = HeaderBinding.bind(spec, header: record.fields, keyed: opened.header != nil)
            if attempt.missing.isEmpty {
                found = (attempt.0, record.line)
                break
            }
            if best == nil || attempt.missing.count < best!.missing.count {
                best = (attempt.0, attempt.missing, record.line)
            }
        }
        // Rows read past the header while searching (a short file) are data: serve them first.
        if !unread.isEmpty {
            scanner = PrefixedRows(prefix: Array(unread), rest: scanner)
        }
        guard let (binding, line) = found else {
            let headers = best?.0.headers ?? []
            throw MissingColumnsError(
                file: context.displayPath, connector: spec.id,
                missing: (best?.missing ?? spec.fields.indices.filter { opened.header == nil ? spec.needsColumn[$0] : spec.fields[$0].spec.required }
                    .map { spec.fields[$0] }).map { field in
                    .init(field: field.name, accepted: field.spec.column,
                          closest: HeaderName.closest(to: field.headers, among: headers))
                },
                found: headers)
        }
        self.binding = binding
        self.headerLine = line
        if let buyerField { mask = BuyerMask(column: binding.columns[buyerField], active: true) }
        keyed = opened.header != nil
        if context.periodFromReport, context.period == nil {
            self.context.period = try Self.statedPeriod(in: candidates.filter { $0.line < line }, headerLine: line,
                                                        file: context.displayPath)
        }
        if let rule = context.sameOrder {
            // Without the column every order would read as having no copy elsewhere: counted twice, silently.
            guard let field = spec.fieldIndex[rule.field], let column = spec.fields[field].spec.column.first else {
                throw ConnectorSpecError(path: spec.id, problem: Bilingual(
                    "has no field `\(rule.field)`, which the source's `same_order` reads",
                    "没有字段 `\(rule.field)`，而数据源的 `same_order` 要读取它"))
            }
            guard binding.columns[field] != nil else {
                let closest = HeaderName.closest(to: spec.fields[field].headers, among: binding.headers)
                throw FileFormatError(file: context.displayPath, message: Bilingual(
                    "has no column `\(column)`, which the source's `same_order` reads to find each order's copy in \(rule.platform)"
                        + (closest.map { "; closest found: `\($0)`" } ?? ""),
                    "没有 `\(column)` 列，而数据源的 `same_order` 要靠它在 \(rule.platform) 中找到每个订单的副本"
                        + (closest.map { "；最接近的是 `\($0)`" } ?? "")))
            }
        }
        self.assembler = RecordAssembler(spec: spec, context: self.context)
        router = try RowRouter(context.routing, spec: spec, binding: binding, file: context.displayPath)
    }

    var fieldColumns: [(field: String, header: String?)] {
        spec.fields.indices.map { (spec.fields[$0].name, binding.columns[$0].map { binding.headers[$0] }) }
    }

    var filledFlatFields: [FlatKind: Set<String>] {
        var filled: [FlatKind: Set<String>] = [:]
        for item in spec.flat {
            for (column, source) in zip(item.kind.schema.fields, item.sources) {
                guard let source else { continue }
                if binding.columns[source] != nil || !(spec.fields[source].spec.default ?? "").isEmpty {
                    filled[item.kind, default: []].insert(column.name)
                }
            }
        }
        return filled
    }

    /// Columns records read that this file lacks and whose fields the spec lets default: read as the
    /// default, which the run says (`First reply time in minutes` missing from a view export). In JSON and
    /// XML, also the keys records read that no record has (see ``HeaderBinding/bind(_:header:keyed:)``).
    var absentOptionalColumns: [String] {
        spec.fields.indices.filter { (spec.optionalColumn[$0] || (keyed && spec.needsColumn[$0])) && binding.columns[$0] == nil
            && !spec.fields[$0].spec.column.isEmpty }
            .map { "`\(spec.fields[$0].spec.column.first ?? spec.fields[$0].name)` (\(spec.fields[$0].name))" }
    }

    var unknownColumns: [String] {
        guard let known = spec.spec.knownColumns else { return [] }
        let used = Set(binding.columns.compactMap { $0 } + [router?.column].compactMap { $0 })
        let listed = Set(known.map(HeaderName.init))
        return binding.headers.indices
            .filter { !used.contains($0) && !binding.headers[$0].isEmpty && !listed.contains(HeaderName(binding.headers[$0])) }
            .map { binding.headers[$0] }
    }

    mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        var stats = ReadStats()
        while true {
            let record: SourceRow
            do {
                guard let next = try scanner.next() else { break }
                record = next
            } catch let error as DelimitedScanError {
                stats.rowsRead += 1
                stats.rowsQuarantined += 1
                try sink.quarantine(QuarantinedRow(
                    connector: spec.id, file: context.displayPath, line: error.line, column: error.column,
                    reason: Bilingual("\(context.displayPath):\(error.line):\(error.column): ", "\(context.displayPath):\(error.line):\(error.column)：")
                        + error.message, raw: mask.masked(error.raw)))
                break
            }
            stats.rowsRead += 1
            // Every row set aside is named the same way: file, line, 1-based column when known, reason.
            func setAside(_ column: Int?, _ message: Bilingual) throws {
                stats.rowsQuarantined += 1
                let at = "\(context.displayPath):\(record.line)" + (column.map { ":\($0)" } ?? "")
                let reason = Bilingual("\(at): \(mask.masked(message.en, cells: record.fields))",
                                       "\(at)：\(mask.masked(message.zh, cells: record.fields))")
                try sink.quarantine(QuarantinedRow(connector: spec.id, file: context.displayPath, line: record.line,
                                                   column: column, reason: reason, raw: mask.masked(record.raw, cells: record.fields)))
            }
            /// The 1-based column and header of a field, for a message about its value.
            func place(_ fieldIndex: Int) -> (Int?, String) {
                let column = binding.columns[fieldIndex]
                return (column.map { $0 + 1 }, column.map { binding.headers[$0] } ?? spec.fields[fieldIndex].name)
            }
            if let problem = record.problem {
                try setAside(nil, problem)
                continue
            }
            switch parse(record) {
            case .skip:
                stats.rowsSkipped += 1
            case .bad(let column, let message):
                try setAside(column, message)
            case .row(let values):
                var route: RowRouter.Route?
                if router != nil {
                    let orderID = spec.fieldIndex["order_id"].flatMap { values[$0]?.text }
                    switch router!.route(record, values: values, orderID: orderID) {
                    case .success(let found): route = found
                    case .failure(let problem):
                        try setAside(problem.column, problem.message)
                        continue
                    }
                }
                var rows = [values]
                if let unpivot = spec.unpivot {
                    switch Self.parts(of: values, unpivot) {
                    case .success(let parts): rows = parts
                    case .failure(let problem):
                        let (column, header) = place(problem.field)
                        try setAside(column, Self.about(header, problem.message))
                        continue
                    }
                    // No amount in any part: a row that only repeats the order (its quantity), not money.
                    if rows.isEmpty {
                        stats.rowsSkipped += 1
                        continue
                    }
                }
                // A row's parts stand or fall together: one bad part sets the whole row aside.
                var produced: [NormalizedRecord] = []
                var problem: (field: Int, message: Bilingual)?
                for values in rows where problem == nil {
                    switch assembler.assemble(values, line: record.line, route: route) {
                    case .records(let records): produced += records
                    case .missing(let fieldIndex): problem = (fieldIndex, Bilingual("empty, but `\(spec.fields[fieldIndex].name)` is required",
                                                                                    "为空，但 `\(spec.fields[fieldIndex].name)` 是必填字段"))
                    case .conflict(let fieldIndex, let message): problem = (fieldIndex, message)
                    }
                }
                if let problem {
                    let (column, header) = place(problem.field)
                    try setAside(column, Self.about(header, problem.message))
                    continue
                }
                for item in produced { try sink.accept(item) }
                stats.recordsEmitted += produced.count
            }
        }
        return stats
    }

    /// `header: message`, with each language's colon: how a cell's problem is named in a reason.
    private static func about(_ header: String, _ message: Bilingual) -> Bilingual {
        Bilingual("\(header): \(message.en)", "\(header)：\(message.zh)")
    }

    private enum Outcome {
        case skip
        case bad(column: Int?, message: Bilingual)
        case row([FieldValue?])
    }

    private mutating func parse(_ record: SourceRow) -> Outcome {
        let headerCount = binding.headers.count
        if record.fields.count > headerCount, record.fields[headerCount...].contains(where: { !$0.isEmpty }) {
            return .bad(column: headerCount + 1, message: Bilingual(
                "row has \(record.fields.count) cells but the header (line \(headerLine)) has \(headerCount)",
                "此行有 \(record.fields.count) 个单元格，但表头（第 \(headerLine) 行）只有 \(headerCount) 个"))
        }
        func cell(_ index: Int) -> String {
            var text = binding.columns[index].map { record[cell: $0] } ?? ""
            // A word the layout writes for "no value" (the ECB's `N/A`) is an empty cell, declared per field.
            if let blank = spec.fields[index].spec.blank, blank.contains(text.trimmingSpaces()) { text = "" }
            if text.isEmpty, let fallback = spec.fields[index].spec.default { text = fallback }
            return text
        }
        // Non-data rows are recognised by their text before any value is parsed: a `合计($)` total
        // row need not hold a date where the data rows do. Their fill-down values still count.
        for filter in spec.filters {
            let text = cell(filter.field).trimmingSpaces()
            let skip = filter.prefix.map { text.hasPrefix($0) } == true || filter.equals.map { text == $0 } == true
                || (filter.empty && text.isEmpty)
            if skip {
                for index in spec.fillDown {
                    if let value = try? value(of: cell(index), field: spec.fields[index], index: index) { above[index] = value }
                }
                return .skip
            }
        }
        var values: [FieldValue?] = []
        values.reserveCapacity(spec.fields.count)
        for (index, field) in spec.fields.enumerated() {
            let column = binding.columns[index]
            if let column, record.uncalculated.contains(column) {
                let header = binding.headers[column]
                return .bad(column: column + 1, message: Bilingual(
                    "\(header): a formula the workbook holds no result for (never calculated); expected a value — "
                        + "recalculate and save it in Excel, or paste values",
                    "\(header)：公式在工作簿中没有计算结果（从未计算）；应为数值——请在 Excel 中重新计算并保存，或粘贴为数值"))
            }
            do {
                var read = try value(of: cell(index), field: field, index: index)
                if read == nil, field.spec.keepEmpty == true, let column, !record.absent.contains(column),
                   record[cell: column].trimmingSpaces().isEmpty {
                    read = .text("")
                }
                values.append(read)
            } catch {
                let header = column.map { binding.headers[$0] } ?? field.name
                return .bad(column: column.map { $0 + 1 }, message: Self.about(header, error.message))
            }
        }
        for index in spec.fillDown {
            if let value = values[index] { above[index] = value } else { values[index] = above[index] }
        }
        return .row(values)
    }

    private func value(of cell: String, field: CompiledSpec.CompiledField, index: Int) throws(CellParseError) -> FieldValue? {
        switch field.parser {
        case .text:
            if cell.isEmpty { return nil }
            // The decoders turn bytes invalid in the file's encoding into U+FFFD; such an id or name
            // would load as a different value, so the row is quarantined instead.
            if cell.utf8.contains(0xEF), cell.contains("\u{FFFD}") {
                throw CellParseError(problem: Bilingual("`\(cell.prefix(60))` holds bytes that are not valid text in the file's encoding",
                                                        "`\(cell.prefix(60))` 含有在文件编码下无效的字节"),
                                     expected: Bilingual("UTF-8 or GB18030 text (the export may be damaged or cut)",
                                                         "UTF-8 或 GB18030 文本（导出文件可能已损坏或被截断）"))
            }
            // No export writes NUL, and PostgreSQL cannot store it in text: one would stop the whole load.
            if cell.utf8.contains(0) {
                throw CellParseError(problem: Bilingual("holds a NUL byte", "含有 NUL 字节"),
                                     expected: Bilingual("text without NUL (the export may be damaged)", "不含 NUL 的文本（导出文件可能已损坏）"))
            }
            // TikTok ids end in a tab so Excel keeps them text; sheet and JSON cells are not trimmed by a scanner.
            if let first = cell.utf8.first, let last = cell.utf8.last, first == 32 || first == 9 || last == 32 || last == 9 {
                let trimmed = cell.trimmingSpaces()
                return trimmed.isEmpty ? nil : .text(trimmed)
            }
            return .text(cell)
        case .integer:
            return try IntegerCell().parse(cell).map(FieldValue.integer)
        case .decimal(let parser):
            return try parser.parse(cell).map(FieldValue.decimal)
        case .datetime:
            return try dateCells[index]!.parse(cell).map(FieldValue.timestamp)
        case .date:
            return try dateCells[index]!.parseDate(cell).map(FieldValue.date)
        case .duration(let parser):
            return try parser.parse(cell).map(FieldValue.decimal)
        }
    }
}
