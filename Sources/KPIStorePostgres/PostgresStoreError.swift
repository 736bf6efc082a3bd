import PostgresNIO

/// A PostgreSQL failure said plainly: the server's message and SQLSTATE, or what broke the connection,
/// and the start of the statement — never bound values, row contents or the login.
package struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    package var message: String
    /// The five-character SQLSTATE, when the server sent one (`23505` unique violation, `40P01` deadlock…).
    package var sqlState: String?

    init(_ error: any Error, sql: String? = nil) {
        let statement = sql.map { " in `\(Self.head(of: $0))`" } ?? ""
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let text = info[.message] {
                sqlState = info[.sqlState]
                // A session the server ended (terminated, shut down, crashed) may answer the next statement
                // with its farewell rather than close first: the same loss, said the same way.
                if let state = sqlState, Self.sessionEnded.contains(state) {
                    message = Self.connectionLost.message
                    return
                }
                // The server's detail line is left out: it quotes row values ("Failing row contains …").
                message = "PostgreSQL: \(text) [SQLSTATE \(sqlState ?? "?")]\(statement)"
            } else {
                let cause = error.underlying.map { ": \($0)" } ?? ""
                message = "PostgreSQL \(error.code)\(cause)\(statement)"
            }
        } else {
            message = "PostgreSQL: \(error)\(statement)"
        }
    }

    init(message: String) {
        self.message = message
    }

    /// The connection went away (server restart, terminated session, network): the run lock went with it,
    /// so nothing more is written, and the open transaction was rolled back by the server.
    static let connectionLost = PostgresStoreError(message: "PostgreSQL: the connection was lost (server restarted, session "
        + "terminated or network down); the current transaction was rolled back and nothing more is written")

    /// SQLSTATEs of a session the server ended: admin_shutdown (`pg_terminate_backend`, a fast shutdown),
    /// crash_shutdown, cannot_connect_now (a server starting or stopping).
    static let sessionEnded: Set<String> = ["57P01", "57P02", "57P03"]

    package var description: String { message }

    /// The statement's first line, shortened: enough to find it in the code.
    private static func head(of sql: String) -> String {
        let line = sql.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? sql
        return line.count > 80 ? String(line.prefix(77)) + "…" : line
    }
}
