import Foundation
import KPISchema

/// One `streams:` entry of kpibridge.yaml: an API kpibridge pulls from, and how to read what it returns.
package struct StreamSettings: Sendable, Decodable, Hashable {
    /// The stream's name: its state key, its landing folder and its name in messages.
    package var stream: String
    /// Which API: `shopify.orders`, `tiktok.orders` or `amazon.report`.
    package var api: String
    /// The connector that reads what is pulled; defaults to the API's own (`shopify.orders_api`…).
    package var connector: String?
    /// Where the API lives: `https://SHOP.myshopify.com/admin/api/2025-07`, an SP-API regional endpoint…
    package var baseURL: String
    /// Amazon's LWA token endpoint. Default `https://api.amazon.com/auth/o2/token`.
    package var tokenURL: String?
    package var shop: String?
    package var platform: String?
    package var timezone: String?
    package var currency: String?
    /// The first run's starting point: a day (`2026-10-01`) or an instant (`2026-10-01T00:00:00Z`).
    package var start: String?
    /// How far before the cursor each run reads again, for late updates: `30m`, `6h`, `2d`. Default 1h
    /// for order streams, 0 days for reports.
    package var lookback: String?
    package var pageSize: Int?
    /// `name: env:VARIABLE` or `name: file:PATH` for each credential the API needs.
    package var credentials: [String: String]?
    /// Keep every response under `raw/STREAM/` (secrets removed), for audit.
    package var keepRaw: Bool?
    package var http: RetryPolicy?
    /// Shopify's leak rate for its call-limit bucket (2 on standard plans).
    package var callsPerSecond: Double?
    /// TikTok Shop's shop cipher (not a secret).
    package var shopCipher: String?
    /// SP-API report type, e.g. `GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL`.
    package var reportType: String?
    package var marketplaceIds: [String]?
    /// Days after a day ends before its report data is final (3 for traffic): those days wait.
    package var latencyDays: Int?
    /// Days one report request covers at most. Default 7.
    package var maxDays: Int?
    /// Seconds between `getReport` polls. Default 30.
    package var pollInterval: Double?
    /// Polls before a report still in progress is left for the next run. Default 10.
    package var pollAttempts: Int?
    /// Pulled orders that are copies of another channel's, named in a tag or note, and which copy counts.
    package var sameOrder: SameOrderRule?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case stream, api, connector, shop, platform, timezone, currency, start, lookback, credentials, http
        case baseURL = "base_url"
        case tokenURL = "token_url"
        case pageSize = "page_size"
        case keepRaw = "keep_raw"
        case callsPerSecond = "calls_per_second"
        case shopCipher = "shop_cipher"
        case reportType = "report_type"
        case marketplaceIds = "marketplace_ids"
        case latencyDays = "latency_days"
        case maxDays = "max_days"
        case pollInterval = "poll_interval"
        case pollAttempts = "poll_attempts"
        case sameOrder = "same_order"
    }

    package init(stream: String, api: String, baseURL: String) {
        self.stream = stream
        self.api = api
        self.baseURL = baseURL
    }

    /// The base URL, refused unless HTTPS (plain HTTP only to this machine, for tests and demos).
    package func endpoint() throws(PullError) -> URL {
        guard let url = URL(string: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL),
              let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else {
            throw PullError(stream: stream, Bilingual("base_url `\(baseURL)` is not a URL", "base_url `\(baseURL)` 不是 URL"))
        }
        let local = ["127.0.0.1", "localhost", "::1"].contains(host)
        guard scheme == "https" || (scheme == "http" && local) else {
            throw PullError(stream: stream, Bilingual("base_url must be https:// (plain http only to 127.0.0.1 or localhost)",
                                                   "base_url 必须是 `https://`（只有 127.0.0.1 或 `localhost` 可以用 `http`）"))
        }
        return url
    }

    /// `lookback` in seconds; `fallback` when absent.
    package func lookbackSeconds(default fallback: Int64) throws(PullError) -> Int64 {
        guard let lookback = lookback?.trimmingCharacters(in: .whitespaces), !lookback.isEmpty else { return fallback }
        guard let span = TimeSpan(parsing: lookback) else {
            throw PullError(stream: stream, Bilingual("lookback `\(lookback)` is not like \(TimeSpan.forms)", "`lookback` `\(lookback)` 的写法应如 \(TimeSpan.formsZh)"))
        }
        return span.seconds
    }

    /// `start` as an instant (a day is its midnight UTC).
    package func startInstant() throws(PullError) -> Instant? {
        guard let start else { return nil }
        if let day = CivilDate(iso: start) { return Instant(utc: day) }
        if let instant = Instant(iso8601: start) { return instant }
        throw PullError(stream: stream, Bilingual("start `\(start)` is not a day (2026-10-01) or an instant (2026-10-01T00:00:00Z)",
                                                   "`start` `\(start)` 既不是日期（如 2026-10-01）也不是时刻（如 2026-10-01T00:00:00Z）"))
    }

    /// Where an order stream resumes: its stored cursor (else `start:`), and the instant it asks
    /// from, the lookback (default 1h) earlier so late updates are read again.
    package func resumePoint(_ state: StreamState) throws(PullError) -> (cursor: Instant, from: Instant) {
        let lookback = try lookbackSeconds(default: 3_600)
        let start = try startInstant()
        guard let cursor = state.cursor.flatMap(Instant.init(iso8601:)) ?? start else {
            throw PullError(stream: stream, Bilingual("no cursor yet: set `start:` (the first day to pull) on the stream",
                                                   "还没有游标：请在数据流上设置 `start:`（要拉取的第一天）"))
        }
        return (cursor, Instant(secondsSinceEpoch: cursor.secondsSinceEpoch - lookback))
    }
}
