import Foundation
import KPIPull
import KPISchema

/// One platform's side of an incoming webhook: the request that posts a text, and whether the
/// platform accepted it (飞书, 钉钉 and 企业微信 answer HTTP 200 with an error code in the body).
package protocol WebhookFormat: Sendable {
    /// The most UTF-8 bytes of text one message may carry; longer texts are cut at a line.
    var maxTextBytes: Int { get }
    /// The request posting `text` to `url`, signed with `secret` at `now` when the platform signs.
    func request(text: String, url: URL, secret: String?, now: Date) throws(WebhookError) -> HTTPRequest
    /// Nil when the platform took the message, else why not, in its own words.
    func refusal(_ response: HTTPResponse) -> String?
}

extension WebhookFormat {
    /// A JSON POST of `body`, keys sorted so the same message is the same bytes.
    func post(_ url: URL, _ body: some Encodable) throws(WebhookError) -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json; charset=utf-8"],
                               body: try encoder.encode(body))
        } catch {
            throw WebhookError(Bilingual("could not encode the message: \(error)", "无法编码消息：\(error)"))
        }
    }

    /// The `code`/`errcode` answer 飞书, 钉钉 and 企业微信 give: nil for 0, else the code and message.
    func codeRefusal(_ response: HTTPResponse, code: String, message: String) -> String? {
        guard (200..<300).contains(response.status) else { return "HTTP \(response.status): \(response.bodyExcerpt)" }
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            return "the answer is not JSON: \(response.bodyExcerpt)"
        }
        let value = (object[code] as? NSNumber)?.intValue
        if value == 0 { return nil }
        return "\(code) \(value.map(String.init) ?? "missing"): \(object[message] as? String ?? response.bodyExcerpt)"
    }
}
