import Foundation
import KPIPull
import KPISchema

/// 企业微信 group robot: `{"msgtype":"text","text":{"content":…}}` to its `…/webhook/send?key=…` URL;
/// no signature (the key is the secret). Answers `{"errcode":0}`; a text is at most 2048 bytes.
package struct WeComWebhook: WebhookFormat {
    package init() {}

    package var maxTextBytes: Int { 2_048 }

    package func request(text: String, url: URL, secret: String?, now: Date) throws(WebhookError) -> HTTPRequest {
        guard secret == nil else { throw WebhookError(Bilingual("WeCom (企业微信) robots are not signed: remove `secret`", "企业微信机器人不签名：请去掉 `secret`")) }
        return try post(url, MsgTypeText(text))
    }

    package func refusal(_ response: HTTPResponse) -> String? {
        codeRefusal(response, code: "errcode", message: "errmsg")
    }
}
