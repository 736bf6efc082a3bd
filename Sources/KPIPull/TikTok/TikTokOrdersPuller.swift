import Foundation
import KPISchema

/// TikTok Shop `POST /order/202309/orders/search`, signed, paged with `next_page_token`, asking for
/// orders updated since the stored cursor minus the lookback.
///
/// Credentials: `app_key`, `app_secret`, `access_token` (sent as `x-tts-access-token`); the shop is
/// chosen by `shop_cipher`. A response whose `code` is not 0 is an error naming TikTok's message.
public struct TikTokOrdersPuller: StreamPuller {
    public static let api = "tiktok.orders"
    public static let defaultConnector: String? = "tiktok.orders_api"
    static let path = "/order/202309/orders/search"

    public init() {}

    public func pull(_ context: PullContext, from state: StreamState) throws(PullError) -> PullResult {
        let settings = context.settings
        let appKey = try context.credentials.require("app_key", stream: context.stream)
        let secret = try context.credentials.require("app_secret", stream: context.stream)
        let token = try context.credentials.require("access_token", stream: context.stream)
        let base = try settings.endpoint()
        let (cursor, since) = try settings.resumePoint(state)
        let from = since.secondsSinceEpoch
        let body = Data("{\"update_time_ge\":\(from)}".utf8)
        var result = PullResult(state: state)
        var latest = cursor
        var pageToken: String?
        var pages = 0, orders = 0
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
                result.failure = PullError(stream: context.stream, "\(context.client.describe(request)): the response is not JSON")
                break
            }
            guard APIJSON.text(document["code"]) == "0" else {
                let message = context.client.redactor.redact(APIJSON.text(document["message"]) ?? "no message")
                result.failure = PullError(stream: context.stream, "\(context.client.describe(request)): TikTok code \(APIJSON.text(document["code"]) ?? "?"): \(message)")
                break
            }
            let data = document["data"] as? [String: Any] ?? [:]
            let list = APIJSON.objects(data["orders"])
            pages += 1
            orders += list.count
            for order in list {
                if let updated = APIJSON.text(order["update_time"]).flatMap(Int64.init), updated > latest.secondsSinceEpoch {
                    latest = Instant(secondsSinceEpoch: updated)
                }
            }
            do {
                try context.landing.land(APIJSON.landingDocument(api: Self.api, rows: list.flatMap(TikTokOrderRows.rows)),
                                         extension: "json", note: "page \(pages), \(list.count) order\(list.count == 1 ? "" : "s")")
            } catch {
                result.failure = error
                break
            }
            pageToken = APIJSON.text(data["next_page_token"]).flatMap { $0.isEmpty ? nil : $0 }
        } while pageToken != nil
        result.state.cursor = result.failure == nil ? latest.iso8601 : state.cursor
        result.notes.append("\(pages) page\(pages == 1 ? "" : "s"), \(orders) orders updated since \(Instant(secondsSinceEpoch: from).iso8601)")
        return result
    }
}
