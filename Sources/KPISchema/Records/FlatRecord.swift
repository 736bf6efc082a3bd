/// A record of a ``FlatKind``: its values aligned with the kind's schema fields, and its lineage.
public struct FlatRecord: Sendable, Hashable {
    public var kind: FlatKind
    /// One slot per `kind.schema.fields`, nil where the source had no value.
    public var values: [FlatValue?]
    public var lineage: Lineage

    public init(kind: FlatKind, values: [FlatValue?], lineage: Lineage) {
        precondition(values.count == kind.schema.fields.count, "values must align with the schema")
        self.kind = kind
        self.values = values
        self.lineage = lineage
    }

    public subscript(_ name: String) -> FlatValue? {
        kind.schema.index(of: name).flatMap { values[$0] }
    }

    /// The key columns' text joined by `|`, for messages and duplicate checks.
    public var keyText: String {
        kind.schema.key.map { self[$0]?.storageText ?? "" }.joined(separator: "|")
    }
}
