import Foundation
@testable import KPIPull
import Testing

/// The small pieces of the HTTP layer: backoff, Retry-After, Link pages, the Shopify bucket.
@Suite struct HTTPPartsTests {
    @Test func retryAfterIsHonouredUpToTheCap() {
        let policy = RetryPolicy(attempts: 5, baseDelay: 1, maxDelay: 30, timeout: 10)
        var random = SystemRandomNumberGenerator()
        #expect(policy.delay(beforeRetry: 1, retryAfter: 7, using: &random) == 7)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 600, using: &random) == 30)
        #expect(RetryPolicy.retryAfterSeconds("120") == 120)
        #expect(RetryPolicy.retryAfterSeconds(" 2.5 ") == 2.5)
        #expect(RetryPolicy.retryAfterSeconds(nil) == nil)
        let now = Date(timeIntervalSince1970: 1_795_000_000)  // Wed, 18 Nov 2026 11:06:40 GMT
        #expect(RetryPolicy.retryAfterSeconds("Wed, 18 Nov 2026 11:07:10 GMT", now: now) == 30)
    }

    /// Full jitter: each wait is drawn below a ceiling that doubles per retry and stops at the cap.
    @Test func backoffDrawsBelowADoublingCeiling() {
        let policy = RetryPolicy(attempts: 8, baseDelay: 0.5, maxDelay: 4, timeout: 10)
        // 500 draws per retry: the chance that none falls in a quarter of the range is 0.75^500.
        var random = SystemRandomNumberGenerator()
        var waits: [[Double]] = Array(repeating: [], count: 6)
        for _ in 0..<500 {
            for retry in 1...6 { waits[retry - 1].append(policy.delay(beforeRetry: retry, retryAfter: nil, using: &random)) }
        }
        let ceilings = [0.5, 1, 2, 4, 4, 4]
        for (retry, ceiling) in ceilings.enumerated() {
            #expect(waits[retry].allSatisfy { $0 >= 0 && $0 <= ceiling })
            // Spread over the range, not stuck at one value: some in the lower and some in the upper quarter.
            #expect(waits[retry].contains { $0 < ceiling / 4 } && waits[retry].contains { $0 > ceiling * 3 / 4 })
        }
    }

    @Test func linkHeaderNextIsTakenVerbatim() {
        let header = #"<https://shop.myshopify.com/admin/api/2025-07/orders.json?limit=250&page_info=eyJkaXJlY3Rpb24iOiJwcmV2In0>; rel="previous", <https://shop.myshopify.com/admin/api/2025-07/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0fQ%3D%3D>; rel="next""#
        #expect(LinkHeader.url(in: header, rel: "next")?.absoluteString
                == "https://shop.myshopify.com/admin/api/2025-07/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0fQ%3D%3D")
        #expect(LinkHeader.url(in: #"<https://x.test/a?page_info=p>; rel="previous""#, rel: "next") == nil)
        #expect(LinkHeader.url(in: nil, rel: "next") == nil)
    }

    /// Waits start when the bucket is within a tenth of full, at the leak rate.
    @Test func callLimitSlowsDownBeforeTheBucketFills() {
        #expect(CallLimit(header: "10/40")?.wait(leakRate: 2) == 0)
        #expect(CallLimit(header: "36/40")?.wait(leakRate: 2) == 0)
        #expect(CallLimit(header: "39/40")?.wait(leakRate: 2) == 1.5)
        #expect(CallLimit(header: "80/80")?.wait(leakRate: 4) == 2)
        #expect(CallLimit(header: "garbage") == nil)
        #expect(CallLimit(header: nil) == nil)
    }
}
