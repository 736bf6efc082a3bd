extension CompiledSpec {
    /// Whether the layout makes order records, whose copies elsewhere a `same_order:` rule can name.
    package var readsOrders: Bool { spec.records.order != nil }

    /// The fields read from a column, by name: those a `same_order:` rule may search for another channel's id.
    package var columnFields: [String] { fields.filter { !$0.spec.column.isEmpty }.map(\.name) }
}

extension CompiledSpec {
    /// Whether rows may say their own platform (a `platform` field).
    package var readsPlatform: Bool { fieldIndex["platform"] != nil }
}
