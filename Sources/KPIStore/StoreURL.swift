import KPISchema

/// Where the warehouse lives, from `--store` or the workspace: `sqlite:PATH` or `postgres://…`.
package enum StoreURL: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    package init(parsing text: String) throws(StoreURLError) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw StoreURLError(text: text, reason: Bilingual("no file path after `sqlite:`", "`sqlite:` 后面没有文件路径")) }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            throw StoreURLError(text: text, reason: Bilingual("expected `sqlite:PATH` or `postgres://user@host/db`",
                                                                "应为 `sqlite:PATH` 或 `postgres://user@host/db`"))
        }
    }

    /// Safe to print: a password in a postgres URL is masked.
    package var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): Self.redacted(url)
        }
    }

    /// `scheme://user:***@host/db`: any URL's password replaced, so errors and logs never carry it.
    package static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://")?.upperBound, let at = text[schemeEnd...].lastIndex(of: "@"),
              let colon = text[schemeEnd..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }

    /// `scheme://user@host/db`: the password left out, for a command printed to be run again (the
    /// password then comes from PGPASSWORD or the password file, as it should).
    package static func withoutPassword(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://")?.upperBound, let at = text[schemeEnd...].lastIndex(of: "@"),
              let colon = text[schemeEnd..<at].firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + String(text[at...])
    }
}

/// A `--store` value that names no store kpibridge can open.
package struct StoreURLError: BilingualError, Sendable, Equatable, CustomStringConvertible {
    package var text: String
    package var reason: Bilingual

    package init(text: String, reason: Bilingual) {
        self.text = text
        self.reason = reason
    }

    package var description: String { sentence.en }

    /// The URL (its password masked) and what is wrong with it, in both languages.
    package var sentence: Bilingual {
        Bilingual("bad store URL `\(StoreURL.redacted(text))`: \(reason.en)", "存储地址 `\(StoreURL.redacted(text))` 有误：\(reason.zh)")
    }
}
