/// A record of a ``FlatKind``: its values aligned with the kind's schema fields, and its lineage.
package struct FlatRecord: Sendable, Hashable {
    package var kind: FlatKind
    /// One slot per `kind.schema.fields`, nil where the source had no value.
    package var values: [FlatValue?]
    package var lineage: Lineage

    package init(kind: FlatKind, values: [FlatValue?], lineage: Lineage) {
        precondition(values.count == kind.schema.fields.count, "values must align with the schema")
        self.kind = kind
        self.values = values
        self.lineage = lineage
    }

    package subscript(_ name: String) -> FlatValue? {
        kind.schema.index(of: name).flatMap { values[$0] }
    }

    /// The key columns' text joined by `|`, for messages and duplicate checks.
    package var keyText: String {
        kind.schema.key.map { self[$0]?.storageText ?? "" }.joined(separator: "|")
    }
}
