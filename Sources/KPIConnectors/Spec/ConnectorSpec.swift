import KPISchema

/// A connector described in YAML: how to read one export layout and which normalized records each
/// row yields. Users add a source by writing one of these; no Swift is needed.
///
/// See `connectors/*.yaml` for the shipped specs and `README.md` for every key.
public struct ConnectorSpec: Sendable, Decodable, Hashable {
    public var id: String
    public var title: String
    /// The platform rows belong to unless a `platform` field says otherwise (`amazon`, `shopify`).
    public var platform: String?
    public var file: FileSpec
    /// The zone of times written without an offset. A workspace source may override it.
    public var timezone: String?
    public var fields: [String: FieldSpec]
    /// Rows to skip as not data (a `合计` total row), counted but not quarantined.
    public var skipRows: [RowFilterSpec]?
    /// Order-level cells that only the first row of an order fills (Shopify): later rows inherit them.
    public var carryForward: CarryForwardSpec?
    public var records: RecordsSpec
    /// Fields whose empty cells take the last value above them, summary and total rows included
    /// (a settlement file states its currency once, on its summary row).
    public var fillDown: [String]?
    /// Columns of the layout that no field reads; any other unread column is reported as schema
    /// drift in the run summary. Without this list, drift is not reported.
    public var knownColumns: [String]?
    /// Whose word this layout's fulfillment events are (`storefront`, the default, `erp`, `warehouse`
    /// or `carrier`): an event set by a source of higher authority is not replaced by this one.
    public var eventAuthority: EventAuthority?

    enum CodingKeys: String, CodingKey {
        case id, title, platform, file, timezone, fields, records
        case eventAuthority = "event_authority"
        case skipRows = "skip_rows"
        case carryForward = "carry_forward"
        case knownColumns = "known_columns"
        case fillDown = "fill_down"
    }
}

/// Physical layout of the file.
public struct FileSpec: Sendable, Decodable, Hashable {
    /// `csv` (delimited text, the default), `xlsx`, `json`, `jsonl` or `xml`; or a list such as
    /// `[xlsx, csv]` when the same layout arrives either way (chosen per file by its extension).
    public var format: [String]?
    /// For `csv`: `comma`, `tab`, `semicolon` or `pipe`.
    public var delimiter: String?
    /// For `xlsx`: the sheet's name or 1-based position; the first sheet when absent.
    public var sheet: String?
    /// For `json`: the dotted path to the records (`payload.Orders`); for `xml`: the record element
    /// path (`Shipment/Event`).
    public var records: String?
    public var quoting: Bool?
    /// `auto` (default), `utf-8` or `gb18030`.
    public var encoding: String?
    public var trim: Bool?
    /// How many leading rows may precede the header (`sep=,` lines, titles). Default 10.
    public var headerSearchRows: Int?

    enum CodingKeys: String, CodingKey {
        case format, delimiter, sheet, records, quoting, encoding, trim
        case headerSearchRows = "header_search_rows"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let one = try? c.decode(String.self, forKey: .format) {
            format = [one]
        } else {
            format = try c.decodeIfPresent([String].self, forKey: .format)
        }
        delimiter = try c.decodeIfPresent(String.self, forKey: .delimiter)
        sheet = try c.decodeIfPresent(String.self, forKey: .sheet)
        records = try c.decodeIfPresent(String.self, forKey: .records)
        quoting = try c.decodeIfPresent(Bool.self, forKey: .quoting)
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
        trim = try c.decodeIfPresent(Bool.self, forKey: .trim)
        headerSearchRows = try c.decodeIfPresent(Int.self, forKey: .headerSearchRows)
    }
}

/// The value types a field can hold.
public enum FieldType: String, Sendable, Decodable, Hashable {
    case text, integer, decimal, datetime
    /// A calendar date read with `formats`; any time part is ignored.
    case date
    /// A span of time kept in minutes, read per `unit`: `minutes` (default), `hours` or `hms` (`01:30:00`).
    case duration
}

/// One named field read from a column.
public struct FieldSpec: Sendable, Decodable, Hashable {
    /// Header names that carry this field, in any language; matched after normalization, never by prefix.
    public var column: [String]
    public var type: FieldType
    /// For `datetime`: layouts tried in order.
    public var formats: [String]?
    /// The column must exist and every row must have a value.
    public var required: Bool
    /// For `text`: source words → normalized words (`已作废: cancelled`); unmapped words pass unchanged.
    public var map: [String: String]?
    /// Used when the cell is empty or the column absent.
    public var `default`: String?
    /// For `decimal`: `1.234,56` style numbers.
    public var decimalComma: Bool?
    /// For `duration`: `minutes`, `hours` or `hms`.
    public var unit: String?
    /// For `datetime`: the zone of this column's local times when it differs from the file's
    /// (領星 writes marketplace-local and UTC columns side by side).
    public var timezone: String?

    enum CodingKeys: String, CodingKey {
        case column, type, formats, required, map, `default`, unit, timezone
        case decimalComma = "decimal_comma"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let many = try? c.decode([String].self, forKey: .column) {
            column = many
        } else {
            column = [try c.decode(String.self, forKey: .column)]
        }
        type = try c.decodeIfPresent(FieldType.self, forKey: .type) ?? .text
        formats = try c.decodeIfPresent([String].self, forKey: .formats)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        map = try c.decodeIfPresent([String: String].self, forKey: .map)
        `default` = try c.decodeIfPresent(String.self, forKey: .default)
        decimalComma = try c.decodeIfPresent(Bool.self, forKey: .decimalComma)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        timezone = try c.decodeIfPresent(String.self, forKey: .timezone)
    }
}

/// Skips a row when a field's text starts with, or equals, a value, or is empty.
public struct RowFilterSpec: Sendable, Decodable, Hashable {
    public var field: String
    public var prefix: String?
    public var equals: String?
    /// Skip rows where the field is empty (a settlement file's summary row has no transaction type).
    public var empty: Bool?
}

/// A test on one row: a record is emitted only when all of its `when` conditions hold.
public struct ConditionSpec: Sendable, Decodable, Hashable {
    public var field: String
    /// The field's text (after `map`) equals this.
    public var equals: String?
    /// The field's text (after `map`) is one of these.
    public var `in`: [String]?
    /// The field's text is none of these.
    public var notIn: [String]?

    enum CodingKeys: String, CodingKey {
        case field, equals, `in`
        case notIn = "not_in"
    }
}

/// Fill empty fields of an order's later rows from its first row.
public struct CarryForwardSpec: Sendable, Decodable, Hashable {
    /// The field that groups consecutive rows (the order id).
    public var by: String
    public var fields: [String]
}

/// Which normalized records each row yields, and which fields feed them.
public struct RecordsSpec: Sendable, Decodable, Hashable {
    public var order: OrderRecordSpec?
    public var orderLine: OrderLineRecordSpec?
    /// Event kind (`label_printed`, `outbound`, `carrier_first_scan`, `delivered`) → datetime field,
    /// or `{at: field, when: […]}` when the row's status says which event it is (tracking feeds).
    public var fulfillmentEvents: [String: EventRecordSpec]?
    public var refund: RefundRecordSpec?
    public var `return`: ReturnRecordSpec?
    /// Plain-data kinds (`ticket`, `traffic`, `roster`…): each row yields one, from the fields
    /// named like the kind's columns.
    public var flat: [FlatKind: FlatRecordSpec]

    enum CodingKeys: String, CodingKey {
        case order
        case orderLine = "order_line"
        case fulfillmentEvents = "fulfillment_events"
        case refund
        case `return`
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // `order:` with nothing under it means an order record with the defaults.
        order = c.contains(.order) ? (try c.decodeNil(forKey: .order) ? OrderRecordSpec() : try c.decode(OrderRecordSpec.self, forKey: .order)) : nil
        orderLine = try c.decodeIfPresent(OrderLineRecordSpec.self, forKey: .orderLine)
        fulfillmentEvents = try c.decodeIfPresent([String: EventRecordSpec].self, forKey: .fulfillmentEvents)
        refund = try c.decodeIfPresent(RefundRecordSpec.self, forKey: .refund)
        `return` = try c.decodeIfPresent(ReturnRecordSpec.self, forKey: .return)
        let any = try decoder.container(keyedBy: AnyKey.self)
        var flat: [FlatKind: FlatRecordSpec] = [:]
        for kind in FlatKind.allCases {
            let key = AnyKey(stringValue: kind.rawValue)
            if any.contains(key) {
                flat[kind] = try any.decodeNil(forKey: key) ? FlatRecordSpec() : try any.decode(FlatRecordSpec.self, forKey: key)
            }
        }
        self.flat = flat
    }

    /// Every record kind the spec emits, for listings.
    public var kinds: [String] {
        var names: [String] = []
        if order != nil { names.append("order") }
        if orderLine != nil { names.append("order_line") }
        if fulfillmentEvents != nil { names.append("fulfillment_event") }
        if refund != nil { names.append("refund") }
        if `return` != nil { names.append("return") }
        return names + flat.keys.map(\.rawValue).sorted()
    }

    /// Whether any record hangs off an order (and so needs `order_id`).
    var hasOrderRecords: Bool {
        order != nil || orderLine != nil || fulfillmentEvents != nil || refund != nil || `return` != nil
    }
}

/// A coding key for any name, to read the plain-data kinds by their names.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// One fulfillment event per row: the datetime field, and optionally the rows it applies to.
public struct EventRecordSpec: Sendable, Decodable, Hashable {
    public var at: String
    public var when: [ConditionSpec]?

    enum CodingKeys: String, CodingKey { case at, when }

    public init(from decoder: any Decoder) throws {
        if let field = try? decoder.singleValueContainer().decode(String.self) {
            at = field
            when = nil
        } else {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            at = try c.decode(String.self, forKey: .at)
            when = try c.decodeIfPresent([ConditionSpec].self, forKey: .when)
        }
    }
}

/// A plain-data record: optionally only for rows meeting `when`.
public struct FlatRecordSpec: Sendable, Decodable, Hashable {
    public var when: [ConditionSpec]?

    public init(when: [ConditionSpec]? = nil) {
        self.when = when
    }
}

/// A returned unit or batch (FBA customer returns): `order_id`, `sku`, `quantity`, `returned_at`
/// and optionally `reason`.
public struct ReturnRecordSpec: Sendable, Decodable, Hashable {
    /// Text field identifying the return (license plate number); else sku and time identify it.
    public var id: String?
    public var when: [ConditionSpec]?
}

public struct OrderRecordSpec: Sendable, Decodable, Hashable {
    public init() {}

    /// Datetime fields whose latest value is the order's version for last-updated-wins.
    public var version: [String]?
    /// A field whose presence alone marks the order cancelled (Shopify `Cancelled at`).
    public var cancelledIfPresent: String?

    enum CodingKeys: String, CodingKey {
        case version
        case cancelledIfPresent = "cancelled_if_present"
    }
}

public struct OrderLineRecordSpec: Sendable, Decodable, Hashable {
    /// Text fields that, with the order id, identify a line (the natural key); default `[sku]`.
    /// A key repeated within one order gets `#2`, `#3`… so no quantity is lost.
    public var key: [String]?
    /// A decimal field holding quantity × price (Amazon `item-price`).
    public var amount: String?
    /// A decimal field holding the unit price (Shopify `Lineitem price`); multiplied by quantity.
    public var unitPrice: String?
    public var version: [String]?

    enum CodingKeys: String, CodingKey {
        case key, amount, version
        case unitPrice = "unit_price"
    }
}

public struct RefundRecordSpec: Sendable, Decodable, Hashable {
    /// Decimal field with the refunded amount; rows where it is empty or zero yield no refund.
    public var amount: String
    /// Datetime field with when it was issued.
    public var at: String?
    /// Text field identifying the refund within the order; `total` when absent.
    public var id: String?
    /// Only rows meeting these conditions are refunds (settlement `transaction-type` Refund).
    public var when: [ConditionSpec]?
    /// Take the amount's magnitude: settlement files write refunds as negative amounts.
    public var absolute: Bool?
}
