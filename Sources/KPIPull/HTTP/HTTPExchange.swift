import Foundation

/// One HTTP request as the pullers build it.
package struct HTTPRequest: Sendable {
    package var method: String
    package var url: URL
    package var headers: [String: String]
    package var body: Data?

    package init(method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A response with its whole body.
package struct HTTPResponse: Sendable {
    package var status: Int
    /// Header names lowercased.
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }

    package func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The start of the body as text, for error messages.
    package var bodyExcerpt: String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.replacingOccurrences(of: "\n", with: " ") + (body.count > 300 ? "…" : "")
    }
}
