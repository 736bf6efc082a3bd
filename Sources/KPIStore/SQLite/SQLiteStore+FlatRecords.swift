import GRDB
import KPISchema

extension SQLiteStore {
    public func forEachFlat(_ kind: FlatKind, _ body: (FlatRecord) throws -> Void) throws {
        let table = StoreTable.flat(kind)
        let schema = kind.schema
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: table.selectSQL)
            while let row = try rows.next() {
                var values: [FlatValue?] = []
                values.reserveCapacity(schema.fields.count)
                var column = 0
                for field in schema.fields {
                    let stored = row[column] as DatabaseValue
                    column += 1
                    let isKey = schema.key.contains(field.name)
                    switch (field.type, stored.storage) {
                    case (_, .null):
                        values.append(nil)
                    case (.datetime, .string(let text)):
                        let zone = row[column] as String?
                        values.append(try Self.timestamp(text, zone).map(FlatValue.timestamp))
                    case (.integer, .int64(let v)):
                        values.append(.integer(Int(v)))
                    case (.decimal, .string(let text)), (.duration, .string(let text)):
                        values.append(isKey && text.isEmpty ? nil : .decimal(try Self.decimal(text)))
                    case (.date, .string(let text)):
                        guard !text.isEmpty else { values.append(nil); break }
                        guard let date = CivilDate(iso: text) else { throw CorruptValueError(value: text, expected: "a date") }
                        values.append(.date(date))
                    case (_, .string(let text)):
                        values.append(isKey && text.isEmpty ? nil : .text(text))
                    default:
                        throw CorruptValueError(value: "\(stored)", expected: "a \(field.type) value in \(table.name).\(field.name)")
                    }
                    if field.type == .datetime { column += 1 }
                }
                try body(FlatRecord(kind: kind, values: values, lineage: Self.lineage(row, from: column)))
            }
        }
    }
}
