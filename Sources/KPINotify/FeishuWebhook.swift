import Foundation
import KPIPull

/// 飞书 custom bot: `{"msg_type":"text","content":{"text":…}}`, with `timestamp` (seconds) and `sign`
/// in the body when the bot checks signatures. Answers `{"code":0}`; 19021 is a bad signature.
package struct FeishuWebhook: WebhookFormat {
    package init() {}

    /// The request body may be 20 KB; the text stays well under it.
    package var maxTextBytes: Int { 16_000 }

    struct Body: Encodable {
        struct Content: Encodable { var text: String }
        var msg_type = "text"
        var content: Content
        var timestamp: String?
        var sign: String?
    }

    package func request(text: String, url: URL, secret: String?, now: Date) throws(WebhookError) -> HTTPRequest {
        var body = Body(content: .init(text: text))
        if let secret {
            let timestamp = Int64(now.timeIntervalSince1970)
            body.timestamp = String(timestamp)
            body.sign = WebhookSignature.feishu(timestamp: timestamp, secret: secret)
        }
        return try post(url, body)
    }

    package func refusal(_ response: HTTPResponse) -> String? {
        codeRefusal(response, code: "code", message: "msg").map { refusal in
            refusal.hasPrefix("code 19021") ? refusal + " (check `secret`: the bot's 签名校验 secret, and this machine's clock)" : refusal
        }
    }
}
