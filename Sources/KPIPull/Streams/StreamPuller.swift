import Foundation
import KPISchema
import Logging

/// A pipeline stage that pulls one API stream into landed files, starting from its stored state.
///
/// A puller never writes the store: it returns the state to save once its files are loaded, so a
/// run that fails after pulling asks for the same data again and loads none of it twice.
package protocol StreamPuller {
    /// The `api:` name in kpibridge.yaml.
    static var api: String { get }
    /// The connector that reads the landed files unless the stream names another.
    static var defaultConnector: String? { get }
    /// Pulls what is new since `state`. Problems after the first landed file go into the result
    /// (what was landed still loads); problems before anything was asked throw.
    func pull(_ context: PullContext, from state: StreamState) throws(PullError) -> PullResult
}

/// What a puller works with.
package struct PullContext {
    package var settings: StreamSettings
    package var credentials: Credentials
    package var client: HTTPClient
    package var landing: Landing
    package var now: Instant
    package var logger: Logger
    /// Saves a state at once, before any load: for a report id just requested, so a run that dies
    /// while waiting does not request the report again.
    package var checkpoint: (StreamState) throws -> Void

    package init(settings: StreamSettings, credentials: Credentials, client: HTTPClient, landing: Landing, now: Instant,
                logger: Logger, checkpoint: @escaping (StreamState) throws -> Void) {
        self.settings = settings
        self.credentials = credentials
        self.client = client
        self.landing = landing
        self.now = now
        self.logger = logger
        self.checkpoint = checkpoint
    }

    package var stream: String { settings.stream }
}

/// What one pull did.
package struct PullResult: Sendable {
    /// The state to save once every landed file has loaded.
    package var state: StreamState
    /// Lines for the run summary: pages, records, a report still waiting.
    package var notes: [String] = []
    /// Why the pull stopped early, if it did (reported; the run exits 1).
    package var failure: PullError?
    /// Seconds spent waiting to stay under a rate limit.
    package var throttledSeconds: Double = 0

    package init(state: StreamState) { self.state = state }
}
