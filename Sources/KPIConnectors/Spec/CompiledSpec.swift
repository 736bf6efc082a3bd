import Foundation
import KPISchema

/// A connector spec checked and prepared for reading: parsers built, field references resolved.
///
/// Compiling up front turns a typo in YAML into one clear error at start-up instead of a failure
/// halfway through a nightly import.
public struct CompiledSpec: Sendable {
    public let spec: ConnectorSpec
    /// The formats the layout arrives in; the first is the default for an unknown extension.
    public let formats: [SourceFormat]
    public let encoding: SourceEncoding
    public let headerSearchRows: Int
    let fields: [CompiledField]
    let fieldIndex: [String: Int]
    let filters: [CompiledFilter]
    /// Field indexes filled down from the rows above.
    let fillDown: [Int]
    let refundWhen: [CompiledCondition]
    let returnWhen: [CompiledCondition]
    /// Fulfillment events in kind order: the datetime field and the rows they apply to.
    let events: [(kind: FulfillmentEventKind, field: String, when: [CompiledCondition])]
    /// Zones of datetime fields that declare their own, by field index.
    let fieldZones: [Int: Zone]
    /// Plain-data kinds in name order, each with its conditions and, per schema field, the spec
    /// field that feeds it (nil: filled from the source context).
    let flat: [CompiledFlat]

    public var id: String { spec.id }

    /// The wall-clock layout XLSX date cells are rendered in; always accepted from workbooks.
    static let workbookDateLayout = "yyyy-MM-dd HH:mm:ss"

    struct CompiledField: Sendable {
        var name: String
        var spec: FieldSpec
        var headers: [HeaderName]
        var parser: Parser
        /// The text a `map` turns a normalized cell into.
        var mapped: [HeaderName: String]
    }

    enum Parser: Sendable {
        case text
        case integer
        case decimal(DecimalCell)
        case datetime([DateTimePattern])
        case date([DateTimePattern])
        case duration(DurationCell)
    }

    struct CompiledFilter: Sendable {
        var field: Int
        var prefix: String?
        var equals: String?
        var empty: Bool
    }

    struct CompiledCondition: Sendable {
        var field: Int
        var allowed: Set<String>?
        var excluded: Set<String>
    }

    struct CompiledFlat: Sendable {
        var kind: FlatKind
        var when: [CompiledCondition]
        var sources: [Int?]
    }

    /// Validates `spec`; `path` names the YAML file in errors.
    public init(_ spec: ConnectorSpec, path: String) throws(ConnectorSpecError) {
        func fail(_ message: String) -> ConnectorSpecError { ConnectorSpecError(path: path, message: message) }
        guard spec.id.range(of: #"^[a-z0-9_]+\.[a-z0-9_]+$"#, options: .regularExpression) != nil else {
            throw fail("id `\(spec.id)` must look like `platform.report` (lowercase letters, digits, _)")
        }
        self.spec = spec
        let formats = try Self.formats(of: spec.file, fail: fail)
        self.formats = formats
        let readsWorkbooks = formats.contains { if case .xlsx = $0 { true } else { false } }
        guard let encoding = SourceEncoding(name: spec.file.encoding ?? "auto") else {
            throw fail("file.encoding `\(spec.file.encoding ?? "")` must be auto, utf-8 or gb18030")
        }
        self.encoding = encoding
        headerSearchRows = max(1, spec.file.headerSearchRows ?? 10)
        if let zone = spec.timezone, Zone(zone) == nil {
            throw fail("timezone `\(zone)` is not an IANA zone name (Asia/Shanghai) or offset (+08:00)")
        }

        var compiled: [CompiledField] = []
        var claimed: [HeaderName: String] = [:]
        for name in spec.fields.keys.sorted() {
            let field = spec.fields[name]!
            // Plain-data fields name store columns; no name from a user's spec reaches SQL unchecked.
            guard Self.isIdentifier(name) else {
                throw fail("field name `\(name)` must be lower-case letters, digits and `_`, starting with a letter or `_`")
            }
            guard !field.column.isEmpty else { throw fail("field `\(name)` names no column") }
            var parser: Parser
            switch field.type {
            case .text: parser = .text
            case .integer: parser = .integer
            case .decimal: parser = .decimal(DecimalCell(decimalComma: field.decimalComma ?? false))
            case .datetime, .date:
                var formats = field.formats ?? []
                if readsWorkbooks, !formats.contains(Self.workbookDateLayout) { formats.append(Self.workbookDateLayout) }
                guard !formats.isEmpty else { throw fail("\(field.type.rawValue) field `\(name)` needs `formats`") }
                var patterns: [DateTimePattern] = []
                for text in formats {
                    do { patterns.append(try DateTimePattern(text)) } catch { throw fail("field `\(name)`: \(error.problem)") }
                }
                parser = field.type == .date ? .date(patterns) : .datetime(patterns)
            case .duration:
                guard let unit = DurationCell.Unit(rawValue: field.unit ?? "minutes") else {
                    throw fail("field `\(name)`: unit `\(field.unit ?? "")` must be one of "
                               + DurationCell.Unit.allCases.map(\.rawValue).joined(separator: ", "))
                }
                parser = .duration(DurationCell(unit: unit))
            }
            if let zone = field.timezone {
                guard field.type == .datetime else { throw fail("field `\(name)`: `timezone` applies to datetime fields only") }
                guard Zone(zone) != nil else { throw fail("field `\(name)`: timezone `\(zone)` is not a zone name or offset") }
            }
            if field.unit != nil, field.type != .duration { throw fail("field `\(name)`: `unit` applies to duration fields only") }
            let headers = field.column.map(HeaderName.init)
            for header in headers {
                if let other = claimed[header], other != name {
                    throw fail("fields `\(other)` and `\(name)` both read column `\(header.normalized)`; each column feeds one field")
                }
                claimed[header] = name
            }
            var mapped: [HeaderName: String] = [:]
            for (from, to) in field.map ?? [:] { mapped[HeaderName(from)] = to }
            compiled.append(CompiledField(name: name, spec: field, headers: headers, parser: parser, mapped: mapped))
        }
        let fieldIndex = Dictionary(uniqueKeysWithValues: compiled.enumerated().map { ($1.name, $0) })

        func need(_ name: String, _ type: FieldType, for purpose: String) throws(ConnectorSpecError) {
            guard let index = fieldIndex[name] else { throw fail("\(purpose) needs a field `\(name)`") }
            guard compiled[index].spec.type == type else {
                throw fail("field `\(name)` must have type \(type.rawValue) (\(purpose))")
            }
        }
        func optional(_ name: String, _ type: FieldType, for purpose: String) throws(ConnectorSpecError) {
            if fieldIndex[name] != nil { try need(name, type, for: purpose) }
        }
        func conditions(_ specs: [ConditionSpec]?, for purpose: String) throws(ConnectorSpecError) -> [CompiledCondition] {
            var out: [CompiledCondition] = []
            for condition in specs ?? [] {
                guard let index = fieldIndex[condition.field] else {
                    throw fail("\(purpose).when names unknown field `\(condition.field)`")
                }
                var allowed: Set<String>?
                if let equals = condition.equals { allowed = [equals] }
                if let list = condition.in { allowed = (allowed ?? Set(list)).intersection(list) }
                let excluded = Set(condition.notIn ?? [])
                guard allowed != nil || !excluded.isEmpty else {
                    throw fail("\(purpose).when on `\(condition.field)` needs `equals`, `in` or `not_in`")
                }
                out.append(CompiledCondition(field: index, allowed: allowed, excluded: excluded))
            }
            return out
        }

        let records = spec.records
        guard records.hasOrderRecords || !records.flat.isEmpty else {
            throw fail("`records` must name at least one record kind: order, order_line, fulfillment_events, refund, return, "
                       + FlatKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        try optional("platform", .text, for: "platform")
        try optional("shop", .text, for: "shop")
        try optional("currency", .text, for: "currency")
        if records.hasOrderRecords {
            try need("order_id", .text, for: "order records")
        }
        if let order = records.order {
            try need("purchased_at", .datetime, for: "records.order")
            try optional("paid_at", .datetime, for: "records.order")
            try optional("status", .text, for: "records.order")
            for name in order.version ?? [] { try need(name, .datetime, for: "records.order.version") }
            if let name = order.cancelledIfPresent, fieldIndex[name] == nil {
                throw fail("records.order.cancelled_if_present names unknown field `\(name)`")
            }
        }
        if let line = records.orderLine {
            try need("sku", .text, for: "records.order_line")
            try need("quantity", .integer, for: "records.order_line")
            try optional("tax", .decimal, for: "records.order_line")
            try optional("shipping", .decimal, for: "records.order_line")
            switch (line.amount, line.unitPrice) {
            case let (amount?, nil): try need(amount, .decimal, for: "records.order_line.amount")
            case let (nil, price?): try need(price, .decimal, for: "records.order_line.unit_price")
            default: throw fail("records.order_line needs exactly one of `amount` (line total) or `unit_price`")
            }
            for name in line.version ?? [] { try need(name, .datetime, for: "records.order_line.version") }
            for name in line.key ?? [] { try need(name, .text, for: "records.order_line.key") }
        }
        var events: [(kind: FulfillmentEventKind, field: String, when: [CompiledCondition])] = []
        for (name, event) in (records.fulfillmentEvents ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let kind = FulfillmentEventKind(rawValue: name) else {
                throw fail("fulfillment event kind `\(name)` must be one of " + FulfillmentEventKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try need(event.at, .datetime, for: "records.fulfillment_events.\(name)")
            events.append((kind, event.at, try conditions(event.when, for: "records.fulfillment_events.\(name)")))
        }
        if spec.eventAuthority != nil, events.isEmpty {
            throw fail("`event_authority` says whose fulfillment events these are, but `records.fulfillment_events` names none")
        }
        var refundWhen: [CompiledCondition] = []
        if let refund = records.refund {
            try need(refund.amount, .decimal, for: "records.refund.amount")
            if let at = refund.at { try need(at, .datetime, for: "records.refund.at") }
            if let id = refund.id { try need(id, .text, for: "records.refund.id") }
            refundWhen = try conditions(refund.when, for: "records.refund")
        }
        var returnWhen: [CompiledCondition] = []
        if let ret = records.return {
            try need("sku", .text, for: "records.return")
            try need("quantity", .integer, for: "records.return")
            try need("returned_at", .datetime, for: "records.return")
            try optional("reason", .text, for: "records.return")
            if let id = ret.id { try need(id, .text, for: "records.return.id") }
            returnWhen = try conditions(ret.when, for: "records.return")
        }
        var flat: [CompiledFlat] = []
        for kind in records.flat.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let schema = kind.schema
            var sources: [Int?] = []
            for column in schema.fields {
                let purpose = "records.\(kind.rawValue).\(column.name)"
                if let index = fieldIndex[column.name] {
                    let type = compiled[index].spec.type
                    guard type.rawValue == column.type.rawValue else {
                        throw fail("field `\(column.name)` must have type \(column.type.rawValue) to feed \(purpose)")
                    }
                    sources.append(index)
                } else {
                    let fill = ContextFill.fill(for: column.name)
                    if column.required, fill == nil {
                        throw fail("records.\(kind.rawValue) needs a field `\(column.name)` (\(column.type.rawValue))")
                    }
                    sources.append(nil)
                }
            }
            flat.append(CompiledFlat(kind: kind, when: try conditions(records.flat[kind]!.when, for: "records.\(kind.rawValue)"),
                                     sources: sources))
        }
        if let carry = spec.carryForward {
            for name in [carry.by] + carry.fields where fieldIndex[name] == nil {
                throw fail("carry_forward names unknown field `\(name)`")
            }
        }
        var fillDown: [Int] = []
        for name in spec.fillDown ?? [] {
            guard let index = fieldIndex[name] else { throw fail("fill_down names unknown field `\(name)`") }
            fillDown.append(index)
        }
        self.fillDown = fillDown
        var filters: [CompiledFilter] = []
        for filter in spec.skipRows ?? [] {
            guard let index = fieldIndex[filter.field] else { throw fail("skip_rows names unknown field `\(filter.field)`") }
            guard filter.prefix != nil || filter.equals != nil || filter.empty == true else {
                throw fail("skip_rows entry needs `prefix`, `equals` or `empty: true`")
            }
            filters.append(CompiledFilter(field: index, prefix: filter.prefix, equals: filter.equals, empty: filter.empty ?? false))
        }
        self.fields = compiled
        self.fieldIndex = fieldIndex
        self.filters = filters
        self.refundWhen = refundWhen
        self.returnWhen = returnWhen
        self.flat = flat
        self.events = events
        var fieldZones: [Int: Zone] = [:]
        for (index, field) in compiled.enumerated() {
            if let name = field.spec.timezone { fieldZones[index] = Zone(name)! }
        }
        self.fieldZones = fieldZones
    }

    private static func formats(of file: FileSpec, fail: (String) -> ConnectorSpecError) throws(ConnectorSpecError) -> [SourceFormat] {
        let names = (file.format ?? ["csv"]).map { $0.lowercased() }
        guard !names.isEmpty else { throw fail("file.format lists no format") }
        let delimited = names.contains("csv") || names.contains("tsv")
        if !delimited, file.delimiter != nil || file.quoting != nil { throw fail("file.delimiter and file.quoting apply to csv files only") }
        if !names.contains("xlsx"), file.sheet != nil { throw fail("file.sheet applies to xlsx files only") }
        if !names.contains("json"), !names.contains("xml"), file.records != nil { throw fail("file.records applies to json and xml files only") }
        var out: [SourceFormat] = []
        for name in names {
            switch name {
            case "csv", "tsv":
                var format = DelimitedFormat()
                switch file.delimiter?.lowercased() {
                case "comma", ",": format.delimiter = UInt8(ascii: ",")
                case "tab", "\t": format.delimiter = UInt8(ascii: "\t")
                case "semicolon", ";": format.delimiter = UInt8(ascii: ";")
                case "pipe", "|": format.delimiter = UInt8(ascii: "|")
                case nil where name == "tsv": format.delimiter = UInt8(ascii: "\t")
                default: throw fail("file.delimiter `\(file.delimiter ?? "")` must be comma, tab, semicolon or pipe")
                }
                format.quoting = file.quoting ?? true
                format.trimCells = file.trim ?? true
                out.append(.delimited(format))
            case "xlsx": out.append(.xlsx(sheet: file.sheet))
            case "json": out.append(.json(records: file.records ?? ""))
            case "jsonl", "ndjson": out.append(.jsonLines)
            case "xml":
                guard let records = file.records, !records.isEmpty else { throw fail("an xml connector needs file.records (`Shipment/Event`)") }
                out.append(.xml(records: records))
            default: throw fail("file.format `\(name)` must be csv, xlsx, json, jsonl or xml")
            }
        }
        return out
    }

    /// Whether a file with this name may be in one of the spec's formats: a known extension must
    /// belong to one of them; an unknown one is tried as the first format.
    public func accepts(path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return !SourceFormat.knownExtensions.contains(ext) || formats.contains { $0.extensions.contains(ext) }
    }

    /// The format to read `path` in: the one whose usual extension it has, else the first.
    public func format(forPath path: String) -> SourceFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        return formats.first { $0.extensions.contains(ext) } ?? formats[0]
    }

    /// True when some date-time field reads local times and therefore needs a zone.
    var readsLocalTimes: Bool {
        fields.contains {
            if case .datetime(let patterns) = $0.parser, $0.spec.timezone == nil { return patterns.contains { !$0.hasOffset } }
            return false
        }
    }

    /// True when order-side records carry money and so need a currency.
    var needsCurrency: Bool {
        spec.records.order != nil || spec.records.orderLine != nil || spec.records.refund != nil
    }

    /// Whether rows can say which platform they belong to without the workspace's help.
    var knowsPlatform: Bool { spec.platform != nil || fieldIndex["platform"] != nil }

    /// Context values plain-data records need that the rows do not carry (a period, a shop).
    var contextNeeds: Set<ContextFill> {
        var needs: Set<ContextFill> = []
        for item in flat {
            for (column, source) in zip(item.kind.schema.fields, item.sources) where source == nil && column.required {
                if let fill = ContextFill.fill(for: column.name) { needs.insert(fill) }
            }
        }
        return needs
    }
}

extension CompiledSpec {
    /// `snake_case`: what a field name must be.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
