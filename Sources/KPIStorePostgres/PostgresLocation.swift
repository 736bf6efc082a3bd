import Foundation
import KPISchema
import KPIStore

/// Where a PostgreSQL warehouse is and how to log in, from `postgres://user[:password]@host[:port]/db?…`.
///
/// The password is best kept out of the URL (it would show in crontabs and `ps`): as libpq does, it is
/// taken from `PGPASSWORD`, else from the password file (`PGPASSFILE`, default `~/.pgpass`,
/// `host:port:database:user:password` lines with `*` wildcards). Query parameters: `sslmode`
/// (`disable`, `prefer` — the default —, `require`, `verify-full`) and `schema` (the schema the tables
/// live in, created if missing, so several workspaces can share one database).
package struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    package enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require, verifyFull = "verify-full"
    }

    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String
    package var tls: TLSMode
    package var schema: String?

    /// Parses `url`, reading the password from `environment` and the password file when the URL has none.
    package init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreURLError) {
        func fail(_ reason: Bilingual) -> StoreURLError { StoreURLError(text: url, reason: reason) }
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw fail(Bilingual("not a postgres:// URL", "不是 `postgres://` 地址"))
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        guard let user = components.user, !user.isEmpty else { throw fail(Bilingual("no user name (postgres://USER@host/db)", "没有用户名（`postgres://USER@host/db`）")) }
        self.user = user
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.isEmpty, !path.contains("/") else { throw fail(Bilingual("no database name (postgres://user@host/DB)", "没有数据库名（`postgres://user@host/DB`）")) }
        database = path
        tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: item.value ?? "") else {
                    throw fail(Bilingual("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))",
                                     "sslmode 应为以下之一：\(TLSMode.allCases.map(\.rawValue).joined(separator: "、"))"))
                }
                tls = mode
            case "schema":
                guard let name = item.value, Self.isPlainIdentifier(name) else {
                    throw fail(Bilingual("schema must be lower-case letters, digits and `_`, starting with a letter or `_`",
                                     "`schema` 只能由小写字母、数字和 `_` 组成，并以字母或 `_` 开头"))
                }
                schema = name
            default:
                throw fail(Bilingual("unknown parameter `\(item.name)`; known: sslmode, schema", "未知参数 `\(item.name)`；可用的有：`sslmode`、`schema`"))
            }
        }
        password = components.password.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.passwordFromFile(environment: environment, host: host, port: port, database: database, user: user)
    }

    /// `postgres://user@host:port/db?schema=…`, never with the password.
    package var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }

    /// Names that need no quoting and cannot smuggle SQL: `[a-z_][a-z0-9_]*`, at most 63 bytes.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 63 else { return false }
        let lower = Unicode.Scalar("a")...Unicode.Scalar("z"), digits = Unicode.Scalar("0")...Unicode.Scalar("9")
        return (lower.contains(first) || first == "_")
            && name.unicodeScalars.allSatisfy { lower.contains($0) || digits.contains($0) || $0 == "_" }
    }

    /// The first matching line of the password file, as libpq reads `.pgpass`.
    static func passwordFromFile(environment: [String: String], host: String, port: Int, database: String,
                                 user: String) -> String? {
        let path = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = splitPassFileLine(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits on `:` with `\:` and `\\` escapes.
    private static func splitPassFileLine(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == ":" { fields.append(current); current = "" }
            else { current.append(character) }
        }
        fields.append(current)
        return fields
    }
}
