import Foundation
import KPISchema

/// Login with Amazon: trades the refresh token for an access token, and again when it expires or
/// the SP-API refuses it mid-run.
///
/// Credentials: `client_id`, `client_secret`, `refresh_token`. The access token travels only in the
/// `x-amz-access-token` header; token responses are never kept under `raw/`.
final class LWAToken {
    private let url: URL
    private let form: Data
    private let client: HTTPClient
    private var token: String?
    private var expires = Date.distantPast
    /// Tokens obtained in this run (for the summary and tests).
    private(set) var refreshes = 0

    init(url: URL, clientID: String, clientSecret: String, refreshToken: String, client: HTTPClient) {
        self.url = url
        self.client = client
        var form = URLComponents()
        form.queryItems = [URLQueryItem(name: "grant_type", value: "refresh_token"),
                           URLQueryItem(name: "refresh_token", value: refreshToken),
                           URLQueryItem(name: "client_id", value: clientID),
                           URLQueryItem(name: "client_secret", value: clientSecret)]
        self.form = Data((form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
    }

    /// A token valid for at least another minute.
    func current() throws(PullError) -> String {
        if let token, Date() < expires.addingTimeInterval(-60) { return token }
        return try refresh()
    }

    /// Forgets the token (the API said it expired) and gets a new one.
    func refresh() throws(PullError) -> String {
        let request = HTTPRequest(method: "POST", url: url,
                                  headers: ["Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"], body: form)
        let response = try client.sendExpectingSuccess(request)
        guard let body = APIJSON.object(response.body), let token = APIJSON.text(body["access_token"]), !token.isEmpty else {
            throw PullError(stream: client.stream, Bilingual("LWA token response has no access_token", "LWA 令牌响应中没有 access_token"))
        }
        let lifetime = APIJSON.text(body["expires_in"]).flatMap(Double.init) ?? 3_600
        self.token = token
        expires = Date().addingTimeInterval(lifetime)
        refreshes += 1
        return token
    }
}
