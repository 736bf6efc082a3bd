import GRDB

/// A store file whose pages SQLite found malformed, or that is not a database at all past its header.
///
/// Each store call runs in one transaction, so the call that meets the damage commits nothing; the message
/// says how to confirm the damage and that the way back is a backup, since no repair keeps every number.
package struct DamagedStore: Error, CustomStringConvertible {
    package var path: String
    package var detail: String

    /// The damage `error` reports, or nil when it is another kind of failure.
    init?(_ error: any Error, path: String) {
        guard let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) else { return nil }
        self.path = path
        detail = error.message ?? "\(error.resultCode)"
    }

    package var description: String {
        "the store file is damaged (SQLite: \(detail)); nothing of this command was committed after it was found: "
            + "confirm with `sqlite3 '\(path)' 'PRAGMA integrity_check'` and restore the file from a backup"
    }

    /// Runs `body`, reporting SQLite's corruption errors as a damaged store.
    static func reporting<T>(path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw DamagedStore(error, path: path) ?? error }
    }
}
