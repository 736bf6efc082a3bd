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

    enum CodingKeys: String, CodingKey {
        case id, title, platform, file, timezone, fields, records
        case skipRows = "skip_rows"
        case carryForward = "carry_forward"
    }
}

/// Physical layout of the file.
public struct FileSpec: Sendable, Decodable, Hashable {
    /// `comma`, `tab`, `semicolon`, or a single character.
    public var delimiter: String
    public var quoting: Bool?
    /// `auto` (default), `utf-8` or `gb18030`.
    public var encoding: String?
    public var trim: Bool?
    /// How many leading rows may precede the header (`sep=,` lines, titles). Default 10.
    public var headerSearchRows: Int?

    enum CodingKeys: String, CodingKey {
        case delimiter, quoting, encoding, trim
        case headerSearchRows = "header_search_rows"
    }
}

/// The value types a field can hold.
public enum FieldType: String, Sendable, Decodable, Hashable {
    case text, integer, decimal, datetime
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

    enum CodingKeys: String, CodingKey {
        case column, type, formats, required, map, `default`
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
    }
}

/// Skips a row when a field's text starts with, or equals, a value.
public struct RowFilterSpec: Sendable, Decodable, Hashable {
    public var field: String
    public var prefix: String?
    public var equals: String?
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
    /// Event kind (`label_printed`, `outbound`, `carrier_first_scan`, `delivered`) → datetime field.
    public var fulfillmentEvents: [String: String]?
    public var refund: RefundRecordSpec?

    enum CodingKeys: String, CodingKey {
        case order
        case orderLine = "order_line"
        case fulfillmentEvents = "fulfillment_events"
        case refund
    }
}

public struct OrderRecordSpec: Sendable, Decodable, Hashable {
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
}
