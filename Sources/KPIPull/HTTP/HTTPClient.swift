import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KPISchema
import Logging

/// The one way kpibridge talks HTTP: URLSession (libcurl on Linux), made synchronous because a run
/// pulls one request at a time, with timeouts and bounded retries.
///
/// Retried: 408, 429 and 5xx responses, timeouts and dropped connections. A `Retry-After` header
/// sets the wait; otherwise the wait is drawn with full jitter under a doubling ceiling. Any other
/// status is returned to the caller, who knows what a 403 means for its API. URLs and bodies in
/// messages and logs pass through the redactor.
package final class HTTPClient {
    package let stream: String
    package let policy: RetryPolicy
    package let redactor: Redactor
    let logger: Logger
    private let session: URLSession
    private var random = SystemRandomNumberGenerator()
    /// Requests sent, retries included (for the run summary).
    package private(set) var requestCount = 0
    /// Retries made after a retryable failure.
    package private(set) var retryCount = 0

    package init(stream: String, policy: RetryPolicy, redactor: Redactor, logger: Logger) {
        self.stream = stream
        self.policy = policy
        self.redactor = redactor
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = max(policy.timeout * 10, 600)
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        configuration.httpAdditionalHeaders = ["User-Agent": "kpibridge"]
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Sends `request`, retrying what is worth retrying; any final status is returned.
    package func send(_ request: HTTPRequest) throws(PullError) -> HTTPResponse {
        var retry = 0
        while true {
            requestCount += 1
            let outcome = perform(request)
            let problem: Bilingual
            var retryAfter: Double?
            switch outcome {
            case .success(let response):
                guard Self.retryableStatus.contains(response.status) else { return response }
                retryAfter = RetryPolicy.retryAfterSeconds(response.header("Retry-After"))
                let body = response.body.isEmpty ? "" : redactor.redact(response.bodyExcerpt)
                problem = Bilingual("HTTP \(response.status)" + (body.isEmpty ? "" : ": " + body), "HTTP \(response.status)" + (body.isEmpty ? "" : "：" + body))
            case .failure(let error):
                guard Self.isRetryable(error) else {
                    let problem = Self.describe(error)
                    throw PullError(stream: stream, Bilingual("\(describe(request)): \(problem.en)", "\(describe(request))：\(problem.zh)"))
                }
                problem = Self.describe(error)
            }
            retry += 1
            guard retry < policy.attempts else {
                throw PullError(stream: stream, Bilingual("\(describe(request)): \(problem.en) — gave up after \(policy.attempts) attempts",
                                                              "\(describe(request))：\(problem.zh)——尝试 \(policy.attempts) 次后放弃"))
            }
            let wait = policy.delay(beforeRetry: retry, retryAfter: retryAfter, using: &random)
            retryCount += 1
            logger.warning("retry    \(describe(request)): \(problem.en); retry \(retry) of \(policy.attempts - 1) in \(String(format: "%.2f", wait)) s\(retryAfter == nil ? "" : " (Retry-After)")",
                           metadata: ["event": "retry", "stream": "\(stream)", "problem": "\(problem.en)",
                                     Bilingual.logKey: "重试  \(describe(request))：\(problem.zh)；第 \(retry) 次（共 \(policy.attempts - 1) 次），\(String(format: "%.2f", wait)) 秒后"])
            Thread.sleep(forTimeInterval: wait)
        }
    }

    /// Sends `request` and returns the response only when it is a 2xx; otherwise an error naming the status.
    package func sendExpectingSuccess(_ request: HTTPRequest) throws(PullError) -> HTTPResponse {
        let response = try send(request)
        guard (200..<300).contains(response.status) else { throw failure(request, response) }
        return response
    }

    /// The error for a response the caller cannot use.
    package func failure(_ request: HTTPRequest, _ response: HTTPResponse) -> PullError {
        PullError(stream: stream, Bilingual("\(describe(request)): HTTP \(response.status): \(redactor.redact(response.bodyExcerpt))",
                                            "\(describe(request))：HTTP \(response.status)：\(redactor.redact(response.bodyExcerpt))"))
    }

    /// `GET https://host/path?query` with secrets removed.
    package func describe(_ request: HTTPRequest) -> String {
        "\(request.method) \(redactor.redact(request.url))"
    }

    private static let retryableStatus: Set<Int> = [408, 429, 500, 502, 503, 504]

    private final class Box: @unchecked Sendable {
        var result: Result<HTTPResponse, any Error> = .failure(URLError(.unknown))
        let done = DispatchSemaphore(value: 0)
    }

    private func perform(_ request: HTTPRequest) -> Result<HTTPResponse, any Error> {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let box = Box()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    if let key = key as? String, let value = value as? String { headers[key] = value }
                }
                box.result = .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            } else {
                box.result = .failure(URLError(.badServerResponse))
            }
            box.done.signal()
        }
        task.resume()
        box.done.wait()
        return box.result
    }

    private static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? URLError else { return false }
        let final: Set<URLError.Code> = [.cancelled, .badURL, .unsupportedURL, .serverCertificateUntrusted,
                                         .serverCertificateHasBadDate, .serverCertificateNotYetValid,
                                         .serverCertificateHasUnknownRoot, .clientCertificateRejected,
                                         .clientCertificateRequired, .userAuthenticationRequired]
        return !final.contains(error.code)
    }

    /// A network failure in words, with its URLError code for whoever searches it.
    private static func describe(_ error: any Error) -> Bilingual {
        guard let error = error as? URLError else { return Bilingual(untranslated: "\(error)") }
        let words: Bilingual = switch error.code {
        case .timedOut: Bilingual("timed out", "超时")
        case .networkConnectionLost: Bilingual("the connection was dropped", "连接中断")
        case .cannotConnectToHost: Bilingual("could not connect", "无法连接")
        case .cannotFindHost, .dnsLookupFailed: Bilingual("host not found", "找不到主机")
        case .notConnectedToInternet: Bilingual("no network", "没有网络")
        case .badServerResponse, .cannotParseResponse: Bilingual("the server's response was not HTTP", "服务器的响应不是 HTTP")
        default: Bilingual("network error", "网络错误")
        }
        return Bilingual("\(words.en) (URLError \(error.code.rawValue))", "\(words.zh)（URLError \(error.code.rawValue)）")
    }
}
