import Foundation
import KPIPull
import Logging
import KPISchema

/// Posts texts to chat webhooks through kpibridge's HTTP client: retried with backoff on 429, 5xx and
/// dropped connections, the platform's own refusal (a bad signature, a bot removed) reported once
/// and not retried, the URL and secret kept out of every message.
package struct WebhookSender: Sendable {
    package var policy: RetryPolicy
    package var logger: Logger

    package init(policy: RetryPolicy = RetryPolicy(attempts: 4, baseDelay: 1, maxDelay: 30, timeout: 20), logger: Logger) {
        self.policy = policy
        self.logger = logger
    }

    /// Sends `text` (cut to what the platform takes) to `endpoint`; throws why it was not delivered.
    package func deliver(_ text: String, to endpoint: WebhookEndpoint, now: Date) throws(WebhookError) {
        let format = endpoint.platform.format
        let redactor = Redactor(secrets: endpoint.secrets)
        let client = HTTPClient(stream: "notify \(endpoint.name)", policy: policy, redactor: redactor, logger: logger)
        let request = try format.request(text: Self.cut(text, toBytes: format.maxTextBytes), url: endpoint.url,
                                         secret: endpoint.secret, now: now)
        let response: HTTPResponse
        do {
            response = try client.send(request)
        } catch {
            throw WebhookError(Bilingual(redactor.redact(error.problem.en), redactor.redact(error.problem.zh)))
        }
        if let refusal = format.refusal(response) {
            throw WebhookError(Bilingual("\(endpoint.platform.title) refused the message: \(redactor.redact(refusal))",
                                             "\(endpoint.platform.title) 拒收了消息：\(redactor.redact(refusal))"))
        }
    }

    /// `text` whole when it fits in `limit` UTF-8 bytes, else its first lines and a line saying how many
    /// were left out (never a character cut in half).
    package static func cut(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var used = 0
        for (index, line) in lines.enumerated() {
            let note = "… \(lines.count - index) more lines not shown"
            if used + line.utf8.count + 1 + note.utf8.count > limit {
                return (kept + [Substring(note)]).joined(separator: "\n")
            }
            kept.append(line)
            used += line.utf8.count + 1
        }
        return text
    }
}
