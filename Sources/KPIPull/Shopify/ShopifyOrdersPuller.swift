import Foundation
import KPISchema

/// Shopify Admin REST `GET /orders.json`, from the stored cursor (the latest `updated_at` loaded)
/// minus the lookback, following `Link: <…>; rel="next"` pages with their `page_info` verbatim.
///
/// Credential: `access_token` (sent as `X-Shopify-Access-Token`). Before each call the puller reads
/// the last `X-Shopify-Shop-Api-Call-Limit` and waits when the bucket is within a tenth of full.
package struct ShopifyOrdersPuller: StreamPuller {
    package static let api = "shopify.orders"
    package static let defaultConnector: String? = "shopify.orders_api"

    package init() {}

    package func pull(_ context: PullContext, from state: StreamState) throws(PullError) -> PullResult {
        let settings = context.settings
        let token = try context.credentials.require("access_token", stream: context.stream)
        let base = try settings.endpoint()
        let (cursor, from) = try settings.resumePoint(state)
        var components = URLComponents(url: base.appendingPathComponent("orders.json"), resolvingAgainstBaseURL: false)!
        components.queryItems = [
            URLQueryItem(name: "status", value: "any"),
            URLQueryItem(name: "limit", value: String(settings.pageSize ?? 250)),
            URLQueryItem(name: "updated_at_min", value: from.iso8601),
            URLQueryItem(name: "order", value: "updated_at asc"),
        ]
        var next: URL? = components.url
        var result = PullResult(state: state)
        var pages = OrderPages(api: Self.api, cursor: cursor, from: from)
        var limit: CallLimit?
        while let url = next {
            if let wait = limit?.wait(leakRate: settings.callsPerSecond ?? 2), wait > 0 {
                context.logger.info("throttle \(context.stream): call limit \(limit!.used)/\(limit!.size), waiting \(String(format: "%.2f", wait)) s",
                                    metadata: ["event": "throttle", "stream": "\(context.stream)",
                                               Bilingual.logKey: "限流  \(context.stream)：调用额度 \(limit!.used)/\(limit!.size)，等待 \(String(format: "%.2f", wait)) 秒"])
                Thread.sleep(forTimeInterval: wait)
                result.throttledSeconds += wait
            }
            let request = HTTPRequest(url: url, headers: ["X-Shopify-Access-Token": token, "Accept": "application/json"])
            let response: HTTPResponse
            do { response = try context.client.sendExpectingSuccess(request) } catch {
                result.failure = error
                break
            }
            context.landing.keepRaw(response, for: request)
            limit = CallLimit(header: response.header("X-Shopify-Shop-Api-Call-Limit"))
            guard let body = APIJSON.object(response.body), let list = body["orders"] as? [[String: Any]] else {
                result.failure = PullError(stream: context.stream, Bilingual("\(context.client.describe(request)): the response has no `orders` array",
                                                                                     "\(context.client.describe(request))：响应中没有 `orders` 数组"))
                break
            }
            do {
                try pages.land(list, updatedAt: { APIJSON.instant(APIJSON.text($0["updated_at"])) },
                               rows: ShopifyOrderRows.rows, in: context.landing)
            } catch {
                result.failure = error
                break
            }
            next = LinkHeader.url(in: response.header("Link"), rel: "next")
        }
        pages.finish(&result)
        return result
    }
}
