import KPISchema

extension SQLStore {
    package func forEachFlat(_ kind: FlatKind, within scope: RecomputeScope?, _ body: (FlatRecord) throws -> Void) throws {
        let table = StoreTable.flat(kind)
        let schema = kind.schema
        let condition = scope?.sqlCondition(FlatTableLayout.of(kind).dateColumns)
        try read { session in
            try session.forEach(table.selectSQL(where: condition)) { row in
                var values: [FlatValue?] = []
                values.reserveCapacity(schema.fields.count)
                var column = 0
                for field in schema.fields {
                    let stored = row[column]
                    let isKey = schema.key.contains(field.name)
                    switch (field.type, stored) {
                    case (_, .null):
                        values.append(nil)
                    case (.datetime, .text):
                        values.append(try row.timestamp(column).map(FlatValue.timestamp))
                    case (.integer, .integer(let v)):
                        values.append(.integer(Int(v)))
                    case (.decimal, .text(let text)), (.duration, .text(let text)):
                        values.append(isKey && text.isEmpty ? nil : .decimal(try row.decimal(column)))
                    case (.date, .text(let text)):
                        values.append(text.isEmpty ? nil : .date(try row.date(column)))
                    case (_, .text(let text)):
                        values.append(isKey && text.isEmpty ? nil : .text(text))
                    default:
                        throw CorruptValueError(value: "\(stored)", expected: "a \(field.type) value in \(table.name).\(field.name)")
                    }
                    column += field.type == .datetime ? 2 : 1
                }
                try body(FlatRecord(kind: kind, values: values, lineage: try row.lineage(from: column)))
            }
        }
    }
}
