import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KPIPull
import Logging

/// `samples/api-demo/mock_api.py` running on 127.0.0.1 for one test: a real HTTP server replaying
/// documented Shopify, TikTok Shop and SP-API responses, so the pullers are tested over sockets,
/// libcurl and all, not against a mock of URLSession.
package final class MockAPIServer: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`.
    package let base: String
    private let process: Process
    private let client: HTTPClient

    /// The script, found from this file's place in the repository.
    package static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/api-demo/mock_api.py").path

    /// The demo's response files (Shopify, TikTok pages, an all-orders report).
    package static let responses = URL(fileURLWithPath: script).deletingLastPathComponent().appendingPathComponent("responses").path

    /// Starts the server on a free port and waits until it listens; `scenario` is loaded at once.
    package init(scenario: [String: Any] = ["routes": []]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--port", "0", "--exit-with-parent"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let found = text.range(of: "http://") else {
            kill(process.processIdentifier, SIGKILL)
            throw MockAPIError(message: "mock_api.py did not start: \(text)")
        }
        base = String(text[found.lowerBound...])
        client = HTTPClient(stream: "mock", policy: RetryPolicy(attempts: 1, baseDelay: 0, maxDelay: 0, timeout: 10),
                            redactor: Redactor(), logger: Logger(label: "mock") { _ in SwiftLogNoOpLogHandler() })
        try load(scenario)
    }

    /// Kills the server. Not `Process.waitUntilExit()`: on Linux it waits on a run loop that a test's
    /// thread does not run, and never returns.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(process.processIdentifier, &status, 0)
    }

    /// Replaces the routes and forgets the requests seen so far.
    package func load(_ scenario: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: scenario)
        _ = try client.sendExpectingSuccess(HTTPRequest(method: "POST", url: URL(string: base + "/_scenario")!, body: body))
    }

    /// Every request since the scenario was loaded: method, path, query, headers (lowercased), body.
    package func requests() throws -> [Request] {
        let response = try client.sendExpectingSuccess(HTTPRequest(url: URL(string: base + "/_log")!))
        let list = (try JSONSerialization.jsonObject(with: response.body)) as? [[String: Any]] ?? []
        return list.map { item in
            Request(method: item["method"] as? String ?? "", path: item["path"] as? String ?? "",
                    query: item["query"] as? [String: String] ?? [:], headers: item["headers"] as? [String: String] ?? [:],
                    body: item["body"] as? String ?? "")
        }
    }

    package struct Request: Sendable, Hashable {
        package var method: String
        package var path: String
        package var query: [String: String]
        package var headers: [String: String]
        package var body: String
    }
}

package struct MockAPIError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
