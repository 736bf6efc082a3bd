extension SQLStore {
    package func scan(_ table: StoreTable, _ body: (_ row: [TableValue]) throws -> Void) throws {
        try read { session in try session.forEach(table.selectSQL, body) }
    }
}
