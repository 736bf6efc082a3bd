import KPISchema

/// A connector described in YAML: how to read one export layout and which normalized records each
/// row yields. Users add a source by writing one of these; no Swift is needed.
///
/// See `connectors/*.yaml` for the shipped specs and `README.md` for every key.
package struct ConnectorSpec: Sendable, Decodable, Hashable {
    package var id: String
    package var title: String
    /// The title for a Chinese reader (`title_zh:`); a spec without one shows `title` to both.
    package var titleZh: String?
    /// The platform rows belong to unless a `platform` field says otherwise (`amazon`, `shopify`).
    package var platform: String?
    package var file: FileSpec
    /// The zone of times written without an offset. A workspace source may override it.
    package var timezone: String?
    package var fields: [String: FieldSpec]
    /// Rows to skip as not data (a `合计` total row), counted but not quarantined.
    package var skipRows: [RowFilterSpec]?
    /// Order-level cells that only the first row of an order fills (Shopify): later rows inherit them.
    package var carryForward: CarryForwardSpec?
    package var records: RecordsSpec
    /// Fields whose empty cells take the last value above them, summary and total rows included
    /// (a settlement file states its currency once, on its summary row).
    package var fillDown: [String]?
    /// Columns of the layout that no field reads; any other unread column is reported as schema
    /// drift in the run summary. Without this list, drift is not reported.
    package var knownColumns: [String]?
    /// Whose word this layout's fulfillment events are (`storefront`, the default, `erp`, `warehouse`
    /// or `carrier`): an event set by a source of higher authority is not replaced by this one.
    package var eventAuthority: EventAuthority?
    /// Amounts written side by side in one row, each filled one read as a row of its own.
    package var unpivot: UnpivotSpec?

    enum CodingKeys: String, CodingKey {
        case id, title, platform, file, timezone, fields, records, unpivot
        case titleZh = "title_zh"
        case eventAuthority = "event_authority"
        case skipRows = "skip_rows"
        case carryForward = "carry_forward"
        case knownColumns = "known_columns"
        case fillDown = "fill_down"
    }
}

/// Physical layout of the file.
package struct FileSpec: Sendable, Decodable, Hashable {
    /// `csv` (delimited text, the default), `xlsx`, `json`, `jsonl` or `xml`; or a list such as
    /// `[xlsx, csv]` when the same layout arrives either way (chosen per file by its extension).
    package var format: [String]?
    /// For `csv`: `comma`, `tab`, `semicolon` or `pipe`.
    package var delimiter: String?
    /// For `xlsx`: the sheet's name or 1-based position; the first sheet when absent.
    package var sheet: String?
    /// For `json`: the dotted path to the records (`payload.Orders`); for `xml`: the record element
    /// path (`Shipment/Event`).
    package var records: String?
    package var quoting: Bool?
    /// `auto` (default), `utf-8` or `gb18030`.
    package var encoding: String?
    package var trim: Bool?
    /// How many leading rows may precede the header (`sep=,` lines, titles). Default 10.
    package var headerSearchRows: Int?

    enum CodingKeys: String, CodingKey {
        case format, delimiter, sheet, records, quoting, encoding, trim
        case headerSearchRows = "header_search_rows"
    }

    package init(from decoder: any Decoder) throws {
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
package enum FieldType: String, Sendable, Decodable, Hashable {
    case text, integer, decimal, datetime
    /// A calendar date read with `formats`; any time part is ignored.
    case date
    /// A span of time kept in minutes, read per `unit`: `minutes` (default), `hours` or `hms` (`01:30:00`).
    case duration
}

/// One named field read from a column.
package struct FieldSpec: Sendable, Decodable, Hashable {
    /// Header names that carry this field, in any language; matched after normalization, never by prefix.
    package var column: [String]
    package var type: FieldType
    /// For `datetime`: layouts tried in order.
    package var formats: [String]?
    /// The column must exist and every row must have a value.
    package var required: Bool
    /// For `text`: source words → normalized words (`已作废: cancelled`); unmapped words pass unchanged.
    package var map: [String: String]?
    /// Used when the cell is empty or the column absent.
    package var `default`: String?
    /// Words the layout writes in this column for "no value" (`N/A`), read as an empty cell.
    package var blank: [String]?
    /// For `text`: an empty cell in a column the file has is a value — empty text (a ticket with no tags) —
    /// while a file without the column gives none. Without it both read as "no value", and a rate that
    /// counts tags would take an export that never wrote them for one whose tickets have none.
    package var keepEmpty: Bool?
    /// For `decimal`: `1.234,56` style numbers.
    package var decimalComma: Bool?
    /// For `duration`: `minutes`, `hours` or `hms`.
    package var unit: String?
    /// For `datetime`: the zone of this column's local times when it differs from the file's
    /// (領星 writes marketplace-local and UTC columns side by side).
    package var timezone: String?

    enum CodingKeys: String, CodingKey {
        case column, type, formats, required, map, `default`, unit, timezone, blank
        case decimalComma = "decimal_comma"
        case keepEmpty = "keep_empty"
    }

    package init(from decoder: any Decoder) throws {
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
        blank = try c.decodeIfPresent([String].self, forKey: .blank)
        keepEmpty = try c.decodeIfPresent(Bool.self, forKey: .keepEmpty)
    }
}

/// Skips a row when a field's text starts with, or equals, a value, or is empty.
package struct RowFilterSpec: Sendable, Decodable, Hashable {
    package var field: String
    package var prefix: String?
    package var equals: String?
    /// Skip rows where the field is empty (a settlement file's summary row has no transaction type).
    package var empty: Bool?
}

/// A test on one row: a record is emitted only when all of its `when` conditions hold.
package struct ConditionSpec: Sendable, Decodable, Hashable {
    package var field: String
    /// The field's text (after `map`) equals this.
    package var equals: String?
    /// The field's text (after `map`) is one of these.
    package var `in`: [String]?
    /// The field's text is none of these.
    package var notIn: [String]?

    enum CodingKeys: String, CodingKey {
        case field, equals, `in`
        case notIn = "not_in"
    }
}

/// Fill empty fields of an order's later rows from its first row.
package struct CarryForwardSpec: Sendable, Decodable, Hashable {
    /// The field that groups consecutive rows (the order id).
    package var by: String
    package var fields: [String]
}

/// Which normalized records each row yields, and which fields feed them.
package struct RecordsSpec: Sendable, Decodable, Hashable {
    package var order: OrderRecordSpec?
    package var orderLine: OrderLineRecordSpec?
    /// Event kind (`label_printed`, `outbound`, `carrier_first_scan`, `delivered`) → datetime field,
    /// or `{at: field, when: […]}` when the row's status says which event it is (tracking feeds).
    package var fulfillmentEvents: [String: EventRecordSpec]?
    package var refund: RefundRecordSpec?
    package var `return`: ReturnRecordSpec?
    /// Plain-data kinds (`ticket`, `traffic`, `roster`…): each row yields one, from the fields
    /// named like the kind's columns.
    package var flat: [FlatKind: FlatRecordSpec]

    enum CodingKeys: String, CodingKey {
        case order
        case orderLine = "order_line"
        case fulfillmentEvents = "fulfillment_events"
        case refund
        case `return`
    }

    package init(from decoder: any Decoder) throws {
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
    package var kinds: [String] {
        var names: [String] = []
        if order != nil { names.append("order") }
        if orderLine != nil { names.append("order_line") }
        if fulfillmentEvents != nil { names.append("fulfillment_event") }
        if refund != nil { names.append("refund") }
        if `return` != nil { names.append("return") }
        return names + flat.keys.map(\.rawValue).sorted()
    }

    /// Whether any record hangs off an order (and so needs `order_id`).
    package var hasOrderRecords: Bool {
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
package struct EventRecordSpec: Sendable, Decodable, Hashable {
    package var at: String
    package var when: [ConditionSpec]?

    enum CodingKeys: String, CodingKey { case at, when }

    package init(from decoder: any Decoder) throws {
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
package struct FlatRecordSpec: Sendable, Decodable, Hashable {
    package var when: [ConditionSpec]?

    package init(when: [ConditionSpec]? = nil) {
        self.when = when
    }
}

/// A returned unit or batch (FBA customer returns): `order_id`, `sku`, `quantity`, `returned_at`
/// and optionally `reason`.
package struct ReturnRecordSpec: Sendable, Decodable, Hashable {
    /// Text field identifying the return (license plate number); else sku and time identify it.
    package var id: String?
    package var when: [ConditionSpec]?
}

package struct OrderRecordSpec: Sendable, Decodable, Hashable {
    package init() {}

    /// Datetime fields whose latest value is the order's version for last-updated-wins.
    package var version: [String]?
    /// A field whose presence alone marks the order cancelled (Shopify `Cancelled at`).
    package var cancelledIfPresent: String?
    /// A text field naming the buyer (an e-mail, a marketplace account), kept only as a salted key.
    package var customer: String?

    enum CodingKeys: String, CodingKey {
        case version, customer
        case cancelledIfPresent = "cancelled_if_present"
    }
}

package struct OrderLineRecordSpec: Sendable, Decodable, Hashable {
    /// Text fields that, with the order id, identify a line (the natural key); default `[sku]`.
    /// A key repeated within one order gets `#2`, `#3`… so no quantity is lost.
    package var key: [String]?
    /// A decimal field holding quantity × price (Amazon `item-price`).
    package var amount: String?
    /// A decimal field holding the unit price (Shopify `Lineitem price`); multiplied by quantity.
    package var unitPrice: String?
    package var version: [String]?

    enum CodingKeys: String, CodingKey {
        case key, amount, version
        case unitPrice = "unit_price"
    }
}

package struct RefundRecordSpec: Sendable, Decodable, Hashable {
    /// Decimal field with the refunded amount; rows where it is empty or zero yield no refund.
    package var amount: String
    /// Datetime field with when it was issued.
    package var at: String?
    /// Text field identifying the refund within the order; `total` when absent.
    package var id: String?
    /// Text field naming the item a row refunds, when one refund spans several items in rows of their own
    /// (a settlement's `order-item-code` under one `adjustment-id`): each item is a refund of its own.
    package var item: String?
    /// Only rows meeting these conditions are refunds (settlement `transaction-type` Refund).
    package var when: [ConditionSpec]?
    /// Take the amount's magnitude: settlement files write refunds as negative amounts.
    package var absolute: Bool?
}
