import GRDB

extension SQLiteStore {
    public func scan(_ table: StoreTable, _ body: (_ row: [TableValue]) throws -> Void) throws {
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: table.selectSQL)
            while let row = try rows.next() {
                try body((0..<row.count).map { index in
                    switch (row[index] as DatabaseValue).storage {
                    case .null: .null
                    case .int64(let v): .integer(v)
                    case .double(let v): .real(v)
                    case .string(let v): .text(v)
                    case .blob(let v): .text(String(decoding: v, as: UTF8.self))
                    }
                })
            }
        }
    }
}
