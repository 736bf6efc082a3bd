import Foundation

/// One configured chat webhook: the platform, its URL (which carries the bot's token) and its
/// signing secret, if any. Never printed: ``name`` is what messages show.
package struct WebhookEndpoint: Sendable {
    package var name: String
    package var platform: ChatPlatform
    package var url: URL
    package var secret: String?

    package init(name: String, platform: ChatPlatform, url: URL, secret: String?) {
        self.name = name
        self.platform = platform
        self.url = url
        self.secret = secret
    }

    /// Everything that must not reach an output: the URL whole, its path and query values (the token
    /// alone is as good as the URL), and the secret.
    var secrets: [String] {
        var out = [url.absoluteString, secret].compactMap { $0 }
        if let parts = URLComponents(url: url, resolvingAgainstBaseURL: false) {
            out += (parts.queryItems ?? []).compactMap(\.value)
            // A server's answer may quote the path alone (`no route for POST /hook/…`): the path whole, its
            // last part (飞书's token, Slack's secret) and every long part are hidden, whatever their length.
            let components = parts.path.split(separator: "/").map(String.init)
            if parts.path.count > 1 { out.append(parts.path) }
            out += components.suffix(1) + components.filter { $0.count >= 16 }
        }
        return out
    }
}
