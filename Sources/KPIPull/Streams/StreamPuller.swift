import Foundation
import KPISchema
import Logging

/// A pipeline stage that pulls one API stream into landed files, starting from its stored state.
///
/// A puller never writes the store: it returns the state to save once its files are loaded, so a
/// run that fails after pulling asks for the same data again and loads none of it twice.
public protocol StreamPuller {
    /// The `api:` name in kpibridge.yaml.
    static var api: String { get }
    /// The connector that reads the landed files unless the stream names another.
    static var defaultConnector: String? { get }
    /// Pulls what is new since `state`. Problems after the first landed file go into the result
    /// (what was landed still loads); problems before anything was asked throw.
    func pull(_ context: PullContext, from state: StreamState) throws(PullError) -> PullResult
}

/// What a puller works with.
public struct PullContext {
    public var settings: StreamSettings
    public var credentials: Credentials
    public var client: HTTPClient
    public var landing: Landing
    public var now: Instant
    public var logger: Logger
    /// Saves a state at once, before any load: for a report id just requested, so a run that dies
    /// while waiting does not request the report again.
    public var checkpoint: (StreamState) throws -> Void

    public init(settings: StreamSettings, credentials: Credentials, client: HTTPClient, landing: Landing, now: Instant,
                logger: Logger, checkpoint: @escaping (StreamState) throws -> Void) {
        self.settings = settings
        self.credentials = credentials
        self.client = client
        self.landing = landing
        self.now = now
        self.logger = logger
        self.checkpoint = checkpoint
    }

    public var stream: String { settings.stream }
}

/// What one pull did.
public struct PullResult: Sendable {
    /// The state to save once every landed file has loaded.
    public var state: StreamState
    /// Lines for the run summary: pages, records, a report still waiting.
    public var notes: [String] = []
    /// Why the pull stopped early, if it did (reported; the run exits 1).
    public var failure: PullError?
    /// Seconds spent waiting to stay under a rate limit.
    public var throttledSeconds: Double = 0

    public init(state: StreamState) { self.state = state }
}
