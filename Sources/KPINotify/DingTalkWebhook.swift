import Foundation
import KPIPull
import KPISchema

/// 钉钉 custom robot: `{"msgtype":"text","text":{"content":…}}`, with `timestamp` (milliseconds) and
/// the percent-encoded `sign` added to the URL when the robot is signed (加签). Answers `{"errcode":0}`.
package struct DingTalkWebhook: WebhookFormat {
    package init() {}

    package var maxTextBytes: Int { 16_000 }

    package func request(text: String, url: URL, secret: String?, now: Date) throws(WebhookError) -> HTTPRequest {
        var target = url
        if let secret {
            let timestamp = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
            let sign = WebhookSignature.dingtalk(timestamp: timestamp, secret: secret)
            guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
                throw WebhookError(Bilingual("the webhook is not a URL", "webhook 不是 URL"))
            }
            // Base64's `+`, `/` and `=` must reach the server as themselves, so each is encoded by hand.
            let encoded = sign.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sign
            parts.percentEncodedQuery = (parts.percentEncodedQuery.map { $0 + "&" } ?? "") + "timestamp=\(timestamp)&sign=\(encoded)"
            guard let signed = parts.url else { throw WebhookError(Bilingual("the webhook is not a URL", "webhook 不是 URL")) }
            target = signed
        }
        return try post(target, MsgTypeText(text))
    }

    package func refusal(_ response: HTTPResponse) -> String? {
        codeRefusal(response, code: "errcode", message: "errmsg").map { refusal in
            refusal.hasPrefix("errcode 310000") ? refusal + " (check `secret`: the robot's 加签 secret, and this machine's clock)" : refusal
        }
    }
}
