import KPISchema

/// A connector spec checked and prepared for reading: parsers built, field references resolved.
///
/// Compiling up front turns a typo in YAML into one clear error at start-up instead of a failure
/// halfway through a nightly import.
public struct CompiledSpec: Sendable {
    public let spec: ConnectorSpec
    public let format: DelimitedFormat
    public let encoding: SourceEncoding
    public let headerSearchRows: Int
    let fields: [CompiledField]
    let fieldIndex: [String: Int]
    let filters: [CompiledFilter]

    public var id: String { spec.id }

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
    }

    struct CompiledFilter: Sendable {
        var field: Int
        var prefix: String?
        var equals: String?
    }

    /// Validates `spec`; `path` names the YAML file in errors.
    public init(_ spec: ConnectorSpec, path: String) throws(ConnectorSpecError) {
        func fail(_ message: String) -> ConnectorSpecError { ConnectorSpecError(path: path, message: message) }
        guard spec.id.range(of: #"^[a-z0-9_]+\.[a-z0-9_]+$"#, options: .regularExpression) != nil else {
            throw fail("id `\(spec.id)` must look like `platform.report` (lowercase letters, digits, _)")
        }
        self.spec = spec

        var format = DelimitedFormat()
        switch spec.file.delimiter.lowercased() {
        case "comma", ",": format.delimiter = UInt8(ascii: ",")
        case "tab", "\t": format.delimiter = UInt8(ascii: "\t")
        case "semicolon", ";": format.delimiter = UInt8(ascii: ";")
        case "pipe", "|": format.delimiter = UInt8(ascii: "|")
        default: throw fail("file.delimiter `\(spec.file.delimiter)` must be comma, tab, semicolon or pipe")
        }
        format.quoting = spec.file.quoting ?? true
        format.trimCells = spec.file.trim ?? true
        self.format = format
        guard let encoding = SourceEncoding(name: spec.file.encoding ?? "auto") else {
            throw fail("file.encoding `\(spec.file.encoding ?? "")` must be auto, utf-8 or gb18030")
        }
        self.encoding = encoding
        headerSearchRows = max(1, spec.file.headerSearchRows ?? 10)
        if let zone = spec.timezone, Zone(zone) == nil {
            throw fail("timezone `\(zone)` is not an IANA zone name (Asia/Shanghai) or offset (+08:00)")
        }

        var compiled: [CompiledField] = []
        for name in spec.fields.keys.sorted() {
            let field = spec.fields[name]!
            guard !field.column.isEmpty else { throw fail("field `\(name)` names no column") }
            let parser: Parser
            switch field.type {
            case .text: parser = .text
            case .integer: parser = .integer
            case .decimal: parser = .decimal(DecimalCell(decimalComma: field.decimalComma ?? false))
            case .datetime:
                guard let formats = field.formats, !formats.isEmpty else {
                    throw fail("datetime field `\(name)` needs `formats`")
                }
                var patterns: [DateTimePattern] = []
                for text in formats {
                    do { patterns.append(try DateTimePattern(text)) } catch { throw fail("field `\(name)`: \(error.problem)") }
                }
                parser = .datetime(patterns)
            }
            var mapped: [HeaderName: String] = [:]
            for (from, to) in field.map ?? [:] { mapped[HeaderName(from)] = to }
            compiled.append(CompiledField(name: name, spec: field, headers: field.column.map(HeaderName.init),
                                          parser: parser, mapped: mapped))
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

        let records = spec.records
        guard records.order != nil || records.orderLine != nil || records.fulfillmentEvents != nil || records.refund != nil else {
            throw fail("`records` must name at least one of order, order_line, fulfillment_events, refund")
        }
        try need("order_id", .text, for: "every record")
        try optional("platform", .text, for: "platform")
        try optional("shop", .text, for: "shop")
        try optional("currency", .text, for: "currency")
        if spec.platform == nil && fieldIndex["platform"] == nil {
            throw fail("set `platform:` or declare a `platform` field")
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
        for (kind, name) in records.fulfillmentEvents ?? [:] {
            guard FulfillmentEventKind(rawValue: kind) != nil else {
                throw fail("fulfillment event kind `\(kind)` must be one of " + FulfillmentEventKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try need(name, .datetime, for: "records.fulfillment_events.\(kind)")
        }
        if let refund = records.refund {
            try need(refund.amount, .decimal, for: "records.refund.amount")
            if let at = refund.at { try need(at, .datetime, for: "records.refund.at") }
            if let id = refund.id { try need(id, .text, for: "records.refund.id") }
        }
        if let carry = spec.carryForward {
            for name in [carry.by] + carry.fields where fieldIndex[name] == nil {
                throw fail("carry_forward names unknown field `\(name)`")
            }
        }
        var filters: [CompiledFilter] = []
        for filter in spec.skipRows ?? [] {
            guard let index = fieldIndex[filter.field] else { throw fail("skip_rows names unknown field `\(filter.field)`") }
            guard filter.prefix != nil || filter.equals != nil else { throw fail("skip_rows entry needs `prefix` or `equals`") }
            filters.append(CompiledFilter(field: index, prefix: filter.prefix, equals: filter.equals))
        }
        self.fields = compiled
        self.fieldIndex = fieldIndex
        self.filters = filters
    }

    /// True when some datetime field reads local times and therefore needs a zone.
    var readsLocalTimes: Bool {
        fields.contains {
            if case .datetime(let patterns) = $0.parser { return patterns.contains { !$0.hasOffset } }
            return false
        }
    }
}
