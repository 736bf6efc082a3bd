/// The columns of a record kind that has no behaviour of its own (tickets, traffic, roster…).
///
/// Order records carry rules (versions, carry-forward, per-order grouping) and have hand-written
/// types; every other kind is plain data, so one descriptor drives the spec check, the record's
/// storage and its table. Adding a kind is adding a case to ``FlatKind``.
package struct RecordSchema: Sendable, Hashable {
    /// The record kind as connector specs name it (`ticket`).
    package let kind: String
    /// The table the store keeps it in (`tickets`).
    package let table: String
    package let fields: [SchemaField]
    /// Fields that identify a record; a later record with the same key replaces the earlier one.
    package let key: [String]
    /// One line for `connectors list` and the README.
    package let summary: String

    package func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// One column of a ``RecordSchema``.
package struct SchemaField: Sendable, Hashable {
    package let name: String
    package let type: SchemaFieldType
    /// A record without it is quarantined.
    package let required: Bool
    /// The store migration that added the field's column, nil for a field its table was created with:
    /// a migration lays a table out as it stood then, and the later one adds the column.
    package let since: Int?

    package init(_ name: String, _ type: SchemaFieldType, required: Bool = false, since: Int? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.since = since
    }
}

/// The value types a flat record field holds, and how the store keeps them.
package enum SchemaFieldType: String, Sendable, Hashable {
    /// Text as exported (after the spec's `map`).
    case text
    case integer
    /// Exact decimal, stored as plain text (`12.50`).
    case decimal
    /// An instant (UTC text) plus the zone it was written in (`<name>_zone`).
    case datetime
    /// A calendar date (`2026-10-31`).
    case date
    /// Minutes, exact decimal; read from `90`, `1.5` hours or `01:30:00` per the spec field's `unit`.
    case duration
}
