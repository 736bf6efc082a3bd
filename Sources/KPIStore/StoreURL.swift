/// Where the warehouse lives, from `--store` or the workspace: `sqlite:PATH` or `postgres://…`.
public enum StoreURL: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public init(parsing text: String) throws(StoreURLError) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw StoreURLError(text: text, reason: "no file path after `sqlite:`") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            throw StoreURLError(text: text, reason: "expected `sqlite:PATH` or `postgres://user@host/db`")
        }
    }

    /// Safe to print: a password in a postgres URL is masked.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): Self.redacted(url)
        }
    }

    /// `scheme://user:***@host/db`: any URL's password replaced, so errors and logs never carry it.
    public static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://")?.upperBound, let at = text[schemeEnd...].lastIndex(of: "@"),
              let colon = text[schemeEnd..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}

/// A `--store` value that names no store kpibridge can open.
public struct StoreURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "bad store URL `\(StoreURL.redacted(text))`: \(reason)" }
}
