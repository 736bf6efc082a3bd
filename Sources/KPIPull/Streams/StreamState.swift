import Foundation
import KPISchema

/// Where a stream stands between runs, stored in the warehouse (table `stream_state`) and advanced
/// only after what was pulled has been loaded.
package struct StreamState: Sendable, Codable, Hashable {
    /// Order streams: the latest `updated_at` loaded (ISO 8601 UTC); the next run asks from here minus
    /// the lookback.
    package var cursor: String?
    /// Report streams: the first day not yet loaded.
    package var nextDay: String?
    /// A report requested and not yet finished: the next run polls it instead of asking again.
    package var pendingReport: PendingReport?

    package init(cursor: String? = nil, nextDay: String? = nil, pendingReport: PendingReport? = nil) {
        self.cursor = cursor
        self.nextDay = nextDay
        self.pendingReport = pendingReport
    }

    enum CodingKeys: String, CodingKey {
        case cursor
        case nextDay = "next_day"
        case pendingReport = "pending_report"
    }

    /// Stored form: compact JSON, keys sorted, so equal states are equal text.
    package var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    package init(json: String) throws {
        self = try JSONDecoder().decode(StreamState.self, from: Data(json.utf8))
    }
}

/// An SP-API report asked for and not yet downloaded.
package struct PendingReport: Sendable, Codable, Hashable {
    package var reportID: String
    /// The first and last day it covers.
    package var start: String
    package var end: String
    package var requestedAt: String

    package init(reportID: String, start: String, end: String, requestedAt: String) {
        self.reportID = reportID
        self.start = start
        self.end = end
        self.requestedAt = requestedAt
    }

    enum CodingKeys: String, CodingKey {
        case start, end
        case reportID = "report_id"
        case requestedAt = "requested_at"
    }
}
