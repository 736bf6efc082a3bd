import Foundation

/// How often and how patiently a request is retried: exponential backoff with full jitter, the
/// server's `Retry-After` honoured, and a bound on both the attempts and any one wait.
package struct RetryPolicy: Sendable, Hashable, Decodable {
    /// Tries in all, the first included.
    package var attempts: Int
    /// The first backoff ceiling in seconds; it doubles with each retry.
    package var baseDelay: Double
    /// No backoff or `Retry-After` wait is longer than this.
    package var maxDelay: Double
    /// Seconds without a byte before a request is given up (and retried).
    package var timeout: Double

    package static let standard = RetryPolicy(attempts: 5, baseDelay: 1, maxDelay: 120, timeout: 60)

    package init(attempts: Int, baseDelay: Double, maxDelay: Double, timeout: Double) {
        self.attempts = attempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case attempts, timeout
        case baseDelay = "base_delay"
        case maxDelay = "max_delay"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.standard
        attempts = try c.decodeIfPresent(Int.self, forKey: .attempts) ?? d.attempts
        baseDelay = try c.decodeIfPresent(Double.self, forKey: .baseDelay) ?? d.baseDelay
        maxDelay = try c.decodeIfPresent(Double.self, forKey: .maxDelay) ?? d.maxDelay
        timeout = try c.decodeIfPresent(Double.self, forKey: .timeout) ?? d.timeout
    }

    /// The wait before retry number `retry` (1 for the first): the server's `Retry-After` when it sent
    /// one, else a uniform draw below the doubled ceiling, so many hosts retrying do not stampede.
    package func delay(beforeRetry retry: Int, retryAfter: Double?, using random: inout some RandomNumberGenerator) -> Double {
        if let retryAfter { return min(max(retryAfter, 0), maxDelay) }
        let ceiling = min(baseDelay * pow(2, Double(retry - 1)), maxDelay)
        return ceiling > 0 ? Double.random(in: 0...ceiling, using: &random) : 0
    }

    /// Seconds from a `Retry-After` value: delta-seconds or an HTTP date.
    package static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max($0.timeIntervalSince(now), 0) }
    }
}
