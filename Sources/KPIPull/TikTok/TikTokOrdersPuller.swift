import Foundation
import KPISchema

/// TikTok Shop `POST /order/202309/orders/search`, signed, paged with `next_page_token`, asking for
/// orders updated since the stored cursor minus the lookback.
///
/// Credentials: `app_key`, `app_secret`, `access_token` (sent as `x-tts-access-token`); the shop is
/// chosen by `shop_cipher`. A response whose `code` is not 0 is an error naming TikTok's message.
package struct TikTokOrdersPuller: StreamPuller {
    package static let api = "tiktok.orders"
    package static let defaultConnector: String? = "tiktok.orders_api"
    static let path = "/order/202309/orders/search"

    package init() {}

    package func pull(_ context: PullContext, from state: StreamState) throws(PullError) -> PullResult {
        let settings = context.settings
        let appKey = try context.credentials.require("app_key", stream: context.stream)
        let secret = try context.credentials.require("app_secret", stream: context.stream)
        let token = try context.credentials.require("access_token", stream: context.stream)
        let base = try settings.endpoint()
        let (cursor, from) = try settings.resumePoint(state)
        let body = Data("{\"update_time_ge\":\(from.secondsSinceEpoch)}".utf8)
        var result = PullResult(state: state)
        var pages = OrderPages(api: Self.api, cursor: cursor, from: from)
        var pageToken: String?
        repeat {
            var query = ["app_key": appKey, "timestamp": String(Int(Date().timeIntervalSince1970)),
                         "page_size": String(settings.pageSize ?? 50)]
            if let cipher = settings.shopCipher { query["shop_cipher"] = cipher }
            if let pageToken { query["page_token"] = pageToken }
            query["sign"] = TikTokSignature.sign(path: Self.path, query: query, body: body, secret: secret)
            var components = URLComponents(url: base.appendingPathComponent(String(Self.path.dropFirst())), resolvingAgainstBaseURL: false)!
            components.queryItems = query.keys.sorted().map { URLQueryItem(name: $0, value: query[$0]) }
            let request = HTTPRequest(method: "POST", url: components.url!,
                                      headers: ["x-tts-access-token": token, "Content-Type": "application/json"], body: body)
            let response: HTTPResponse
            do { response = try context.client.sendExpectingSuccess(request) } catch {
                result.failure = error
                break
            }
            context.landing.keepRaw(response, for: request)
            guard let document = APIJSON.object(response.body) else {
                result.failure = PullError(stream: context.stream, Bilingual("\(context.client.describe(request)): the response is not JSON",
                                                                                     "\(context.client.describe(request))：响应不是 JSON"))
                break
            }
            guard APIJSON.text(document["code"]) == "0" else {
                let message = context.client.redactor.redact(APIJSON.text(document["message"]) ?? "no message")
                result.failure = PullError(stream: context.stream, Bilingual(
                    "\(context.client.describe(request)): TikTok code \(APIJSON.text(document["code"]) ?? "?"): \(message)",
                    "\(context.client.describe(request))：TikTok 返回代码 \(APIJSON.text(document["code"]) ?? "?")：\(message)"))
                break
            }
            let data = document["data"] as? [String: Any] ?? [:]
            let list = APIJSON.objects(data["orders"])
            do {
                try pages.land(list, updatedAt: { APIJSON.text($0["update_time"]).flatMap(Int64.init).map(Instant.init(secondsSinceEpoch:)) },
                               rows: TikTokOrderRows.rows, in: context.landing)
            } catch {
                result.failure = error
                break
            }
            pageToken = APIJSON.text(data["next_page_token"]).flatMap { $0.isEmpty ? nil : $0 }
        } while pageToken != nil
        pages.finish(&result)
        return result
    }
}
