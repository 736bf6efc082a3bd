import Foundation
import KPIPull
import KPISchema

/// Slack incoming webhook: `{"text":…}`; answers 200 `ok`, or a 4xx with a word (`invalid_payload`,
/// `no_service`). Not signed: the URL is the secret.
package struct SlackWebhook: WebhookFormat {
    package init() {}

    package var maxTextBytes: Int { 30_000 }

    struct Body: Encodable { var text: String }

    package func request(text: String, url: URL, secret: String?, now: Date) throws(WebhookError) -> HTTPRequest {
        guard secret == nil else { throw WebhookError(Bilingual("Slack incoming webhooks are not signed: remove `secret`", "Slack 的传入 Webhook 不签名：请去掉 `secret`")) }
        return try post(url, Body(text: text))
    }

    package func refusal(_ response: HTTPResponse) -> String? {
        (200..<300).contains(response.status) ? nil : "HTTP \(response.status): \(response.bodyExcerpt)"
    }
}
