import Foundation
import KPISchema

/// A connector spec checked and prepared for reading: parsers built, field references resolved.
///
/// Compiling up front turns a typo in YAML into one clear error at start-up instead of a failure
/// halfway through a nightly import.
package struct CompiledSpec: Sendable {
    package let spec: ConnectorSpec
    /// The formats the layout arrives in; the first is the default for an unknown extension.
    package let formats: [SourceFormat]
    package let encoding: SourceEncoding
    package let headerSearchRows: Int
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
    /// Per field, whether its column must be in the header (see ``columnsNeeded(fields:fieldIndex:spec:events:refundWhen:returnWhen:flat:fillDown:filters:)``).
    let needsColumn: [Bool]
    /// Per field, whether records read it although a file may lack its column (the spec gives a default).
    let optionalColumn: [Bool]
    /// The parts a row's side-by-side amounts are read as (`unpivot:`), if the layout has them.
    let unpivot: CompiledUnpivot?

    package var id: String { spec.id }

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

    struct CompiledUnpivot: Sendable {
        /// The fields each part fills.
        var name: Int
        var value: Int
        var group: Int?
        var parts: [Part]

        struct Part: Sendable {
            /// The field holding the part's name, if any, and the name when that is empty.
            var nameField: Int?
            var label: String?
            var value: Int
            var group: String?
        }

        /// Every field the parts read.
        var readFields: [Int] { parts.flatMap { [$0.nameField, $0.value].compactMap { $0 } } }

        /// The fields the parts fill.
        var filledFields: [Int] { [name, value, group].compactMap { $0 } }
    }

    struct CompiledFlat: Sendable {
        var kind: FlatKind
        var when: [CompiledCondition]
        var sources: [Int?]
    }

    /// Validates `spec`; `path` names the YAML file in errors. Each concern has its own validator
    /// (`Spec/Validation/`), run in a fixed order so the first problem is always the same one.
    package init(_ spec: ConnectorSpec, path: String) throws(ConnectorSpecError) {
        let layout = try FileLayout(spec, path: path)
        let fields = try FieldCompiler.compile(spec, path: path, readsWorkbooks: layout.readsWorkbooks)
        let context = SpecContext(spec: spec, path: path, fields: fields)
        try OrderRecordsValidator.validate(context)
        events = try FulfillmentEventsValidator.validate(context)
        (refundWhen, returnWhen) = try RefundsAndReturnsValidator.validate(context)
        flat = try FlatRecordsValidator.validate(context)
        (fillDown, filters) = try RowRulesValidator.validate(context)
        unpivot = try UnpivotValidator.validate(context)
        self.spec = spec
        formats = layout.formats
        encoding = layout.encoding
        headerSearchRows = layout.headerSearchRows
        self.fields = fields
        fieldIndex = context.fieldIndex
        var fieldZones: [Int: Zone] = [:]
        for (index, field) in fields.enumerated() {
            if let name = field.spec.timezone { fieldZones[index] = Zone(name)! }
        }
        self.fieldZones = fieldZones
        let uses = Self.columnsNeeded(fields: fields, fieldIndex: context.fieldIndex, spec: spec, events: events,
                                      refundWhen: refundWhen, returnWhen: returnWhen, flat: flat,
                                      fillDown: fillDown, filters: filters, unpivot: unpivot)
        needsColumn = uses.map { if case .needed = $0 { true } else { false } }
        optionalColumn = uses.map { if case .optional = $0 { true } else { false } }
    }

    /// Whether a file with this name may be in one of the spec's formats: a known extension must
    /// belong to one of them; an unknown one is tried as the first format.
    package func accepts(path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return !SourceFormat.knownExtensions.contains(ext) || formats.contains { $0.extensions.contains(ext) }
    }

    /// The format to read `path` in: the one whose usual extension it has, else the first.
    package func format(forPath path: String) -> SourceFormat {
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
