import GRDB

extension SQLiteStore {
    /// The SQLite library this binary runs on (`3.40.1`), for `kpibridge doctor`.
    package static var libraryVersion: String {
        let number = Database.sqliteLibVersionNumber
        return "\(number / 1_000_000).\(number / 1_000 % 1_000).\(number % 1_000)"
    }
}
