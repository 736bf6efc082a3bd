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
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard let at = url.lastIndex(of: "@"), let schemeEnd = url.range(of: "://")?.upperBound,
                  let colon = url[schemeEnd..<at].firstIndex(of: ":") else { return url }
            return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
        }
    }
}

/// A `--store` value that names no store kpibridge can open.
public struct StoreURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public var description: String { "bad store URL `\(text)`: \(reason)" }
}
