import GRDB
import GRDBSQLite

/// Applies one cached statement to row after row through SQLite's own bind and step calls.
///
/// Written by hand because it is the hottest loop of a load: every record of every file passes through
/// here. GRDB's `execute(arguments:)` first builds a `StatementArguments` of `DatabaseValue`s from each
/// row, which at 100,000 order lines was 8 % of a run's CPU (generic metadata lookups and an array per
/// row), about half of what SQLite's own work on those upserts took. Everything else still goes through
/// GRDB; the statement is GRDB's cached one, left reset after each row so GRDB can use it again.
final class SQLiteRowWriter: SQLRowWriter {
    private let statement: Statement
    private let returned: ReturnedRows?

    init(statement: Statement, returned: ReturnedRows?) {
        self.statement = statement
        self.returned = returned
    }

    func append(_ row: [StoreValue]) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        for (index, value) in row.enumerated() {
            try check(bind(value, at: Int32(index + 1), in: handle))
        }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_DONE: return
            case SQLITE_ROW: try returned?(Self.values(handle))
            default: try check(code)
            }
        }
    }

    func finish() {}

    /// Binds text as SQLite copies it (`SQLITE_TRANSIENT`): the Swift string's bytes do not outlive the call.
    private func bind(_ value: StoreValue, at index: Int32, in handle: OpaquePointer) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let v):
            return sqlite3_bind_int64(handle, index, v)
        case .text(let v):
            var text = StoreValue.storable(v)
            return text.withUTF8 { bytes in
                // An empty buffer may have no address, and a null pointer would bind NULL, not ''.
                guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
                return sqlite3_bind_text(handle, index, base, Int32(bytes.count), Self.transient)
            }
        }
    }

    private func check(_ code: Int32) throws {
        guard code != SQLITE_OK else { return }
        let message = sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement)).map { String(cString: $0) }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// SQLite's "copy the bytes now" destructor, which C spells as the pointer -1.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The current result row, typed as ``GRDBSession`` reads rows.
    private static func values(_ handle: OpaquePointer) -> [TableValue] {
        (0..<sqlite3_column_count(handle)).map { column in
            switch sqlite3_column_type(handle, column) {
            case SQLITE_NULL: return .null
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
            default:
                guard let bytes = sqlite3_column_text(handle, column) else { return .text("") }
                let count = Int(sqlite3_column_bytes(handle, column))
                return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
            }
        }
    }
}
