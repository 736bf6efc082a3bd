import Foundation
import KPIPull
import KPIPullTesting
import Testing

/// The client over real sockets against mock_api.py: what is retried, how often, and what the
/// error says once retries are spent.
@Suite struct HTTPClientTests {
    private func client(attempts: Int = 4, secrets: [String] = []) -> HTTPClient {
        HTTPClient(stream: "test", policy: RetryPolicy(attempts: attempts, baseDelay: 0.05, maxDelay: 2, timeout: 5),
                   redactor: Redactor(secrets: secrets), logger: quietLogger)
    }

    private func route(_ path: String, _ responses: [[String: Any]]) -> [String: Any] {
        ["routes": [["method": "GET", "path": path, "responses": responses]]]
    }

    @Test func a429WithRetryAfterThenSuccess() throws {
        let server = try MockAPIServer(scenario: route("/x", [
            ["status": 429, "headers": ["Retry-After": "1"], "body": "slow down"],
            ["status": 200, "body": "ok"],
        ]))
        let http = client()
        let started = Date()
        let response = try http.send(HTTPRequest(url: URL(string: server.base + "/x")!))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        #expect(http.requestCount == 2 && http.retryCount == 1)
        #expect(try server.requests().count == 2)
        // The server's one second was waited (not the 0.05 s backoff).
        #expect(Date().timeIntervalSince(started) >= 1)
    }

    @Test func serverErrorsAndADroppedConnectionAreRetried() throws {
        let server = try MockAPIServer(scenario: route("/x", [
            ["status": 500, "body": "oops"],
            ["status": 200, "body": String(repeating: "a", count: 20_000), "drop": true],
            ["status": 503, "body": ""],
            ["status": 200, "body": "finally"],
        ]))
        let http = client()
        let response = try http.send(HTTPRequest(url: URL(string: server.base + "/x")!))
        #expect(String(decoding: response.body, as: UTF8.self) == "finally")
        #expect(http.retryCount == 3)
        #expect(try server.requests().count == 4)
    }

    /// Once the attempts are spent the error names the request and the last problem — with the
    /// secret in the URL and in the body replaced.
    @Test func spentRetriesGiveAClearRedactedError() throws {
        let server = try MockAPIServer(scenario: route("/x", [["status": 502, "body": "bad gateway for key sk_live_0123456789"]]))
        let http = client(attempts: 3, secrets: ["sk_live_0123456789"])
        #expect(throws: PullError.self) { try http.send(HTTPRequest(url: URL(string: server.base + "/x?key=sk_live_0123456789")!)) }
        do {
            _ = try http.send(HTTPRequest(url: URL(string: server.base + "/x?key=sk_live_0123456789")!))
        } catch {
            #expect(error.description == "stream test: GET \(server.base)/x?key=[redacted]: HTTP 502: bad gateway for key [redacted] — gave up after 3 attempts")
        }
        #expect(try server.requests().count == 6)
    }

    /// A status that retrying cannot fix comes back at once.
    @Test func a404IsNotRetried() throws {
        let server = try MockAPIServer(scenario: route("/x", [["status": 404, "body": "nope"]]))
        let http = client()
        #expect(try http.send(HTTPRequest(url: URL(string: server.base + "/x")!)).status == 404)
        #expect(http.retryCount == 0)
    }

    @Test func nothingListeningIsRetriedThenReported() throws {
        let http = client(attempts: 2)
        do {
            _ = try http.send(HTTPRequest(url: URL(string: "http://127.0.0.1:9/x")!))
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "stream test: GET http://127.0.0.1:9/x: could not connect (URLError -1004) — gave up after 2 attempts")
        }
        #expect(http.retryCount == 1)
    }
}
