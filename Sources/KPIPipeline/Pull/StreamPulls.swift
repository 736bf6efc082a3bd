import Foundation
import KPIConnectors
import KPIPull
import KPISchema
import KPIStore
import KPIWorkspace
import Logging

/// One stream's pull within a run: what it landed and the state to save once that is loaded.
package struct StreamPull {
    package var settings: StreamSettings
    package var connector: any Connector
    package var result: PullResult?
    package var outcome: StreamOutcome
    package var landed: [LandedFile]
    /// Whether the puller saved a state mid-pull (a report id), which the final save must replace.
    package var checkpointed = false
}

/// Notes that a checkpoint was written during a pull.
private final class CheckpointFlag: @unchecked Sendable {
    var written = false
}

/// The pull stage of a run: pulls the workspace's streams, hands what they landed to the load, and saves
/// each stream's state once that load has committed.
package struct StreamPulls {
    package let pipeline: Pipeline

    package init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    /// Where pulled files land before the load: `.kpibridge/pull/` in the workspace.
    package static let landingFolder = ".kpibridge/pull"

    private var workspace: Workspace { pipeline.workspace }
    private var store: any WarehouseStore { pipeline.store }
    private var logger: Logger { pipeline.logger }
    private func now() -> Instant { pipeline.now() }

    /// Pulls each stream `include` accepts, in kpibridge.yaml's order. One stream failing does not stop
    /// the others; what it landed before failing still loads.
    package func pull(_ include: (StreamSettings) -> Bool = { _ in true }) throws(PipelineError) -> [StreamPull] {
        let streams = (workspace.config.streams ?? []).filter(include)
        guard !streams.isEmpty else { return [] }
        let stored = Dictionary(try storeCall { try store.streamStates() }.map { ($0.stream, $0) }, uniquingKeysWith: { a, _ in a })
        var pulls: [StreamPull] = []
        for settings in streams {
            let connectorID = settings.connector ?? PullerCatalog.defaultConnector(settings.api) ?? ""
            let connector: any Connector
            do { connector = try workspace.catalog.connector(connectorID) } catch { throw .usage(error.sentence) }
            let before: StreamState
            do { before = try stored[settings.stream].map { try StreamState(json: $0.state) } ?? StreamState() } catch {
                let reset = pipeline.invocation.command("state reset", settings.stream)
                throw .failed(Bilingual("stream \(settings.stream): its stored state is unreadable (\(stored[settings.stream]!.state)); "
                                        + "`\(reset)` starts it again from `start:`",
                                        "数据流 \(settings.stream)：存储的状态无法读取（\(stored[settings.stream]!.state)）；"
                                        + "`\(reset)` 会让它从 `start:` 重新开始"))
            }
            var outcome = StreamOutcome(stream: settings.stream, api: settings.api, before: before)
            logger.info("pulling  \(settings.stream) [\(settings.api)] from \(StreamOutcome.summary(before))",
                        metadata: ["event": "pulling", "stream": "\(settings.stream)", "api": "\(settings.api)",
                                   Bilingual.logKey: "拉取  数据流 \(settings.stream) [\(settings.api)]，从 \(StreamOutcome.summary(before, .zh)) 开始"])
            var pull = StreamPull(settings: settings, connector: connector, result: nil, outcome: outcome, landed: [])
            do {
                let flag = CheckpointFlag()
                let (result, landing, client) = try pullOne(settings, from: before, flag: flag)
                pull.result = result
                pull.checkpointed = flag.written
                pull.landed = landing.files
                outcome.notes = result.notes
                outcome.failure = result.failure?.sentence
                outcome.landed = landing.files.map { workspace.paths.display($0.path) }
                outcome.requests = client.requestCount
                outcome.retries = client.retryCount
                outcome.throttledSeconds = result.throttledSeconds
            } catch {
                outcome.failure = error.sentence
            }
            pull.outcome = outcome
            if let failure = outcome.failure {
                logger.error("failed   stream \(settings.stream)", metadata: ["event": "pull_failed", "stream": "\(settings.stream)", "reason": "\(failure.en)",
                                                                       Bilingual.logKey: "失败  数据流 \(settings.stream)"])
            } else {
                logger.info("pulled   \(settings.stream): \(outcome.landed.count) files; \(outcome.notes.joined(separator: "; "))",
                            metadata: ["event": "pulled", "stream": "\(settings.stream)", "files": "\(outcome.landed.count)",
                                       Bilingual.logKey: .string("已拉取  数据流 \(settings.stream)：\(outcome.landed.count) 个文件"
                                           + (outcome.notes.isEmpty ? "" : "；" + outcome.notes.joined(separator: "；")))])
            }
            pulls.append(pull)
        }
        return pulls
    }

    private func pullOne(_ settings: StreamSettings, from state: StreamState,
                         flag: CheckpointFlag) throws(PullError) -> (PullResult, Landing, HTTPClient) {
        let credentials = try Credentials.resolve(settings.credentials ?? [:], stream: settings.stream) { (file: String) throws -> String in
            try workspace.paths.resolve(file, key: "credentials")
        }
        let redactor = Redactor(secrets: credentials.secrets)
        let landingDisplay = Self.landingFolder + "/" + settings.stream
        let landing = try Landing(
            directory: (workspace.paths.root as NSString).appendingPathComponent(landingDisplay), displayDirectory: landingDisplay,
            rawDirectory: settings.keepRaw == true ? (workspace.paths.root as NSString).appendingPathComponent("raw/" + settings.stream) : nil,
            redactor: redactor, at: now(), logger: logger)
        let client = HTTPClient(stream: settings.stream, policy: settings.http ?? .standard, redactor: redactor, logger: logger)
        let store = self.store
        let stream = settings.stream
        let clock = pipeline.now
        let context = PullContext(settings: settings, credentials: credentials, client: client, landing: landing, now: now(),
                                  logger: logger) { state in
            flag.written = true
            try store.saveStreamState(StoredStreamState(stream: stream, state: state.json, updatedAt: clock(), runID: nil))
        }
        let result = try PullerCatalog.puller(settings.api)!.pull(context, from: state)
        return (result, landing, client)
    }

    /// The landed files as load inputs, each with its stream's shop, currency and zone (and a
    /// report's days as its period).
    package func inputs(_ pulls: [StreamPull]) -> [LoadInput] {
        pulls.flatMap { pull in
            pull.landed.map { file in
                let s = pull.settings
                let source = SourceConfig(connector: pull.connector.id, files: workspace.paths.display(file.path), shop: s.shop,
                                          platform: s.platform, timezone: s.timezone, currency: s.currency,
                                          period: file.period?.description, sameOrder: s.sameOrder)
                return (file.path, pull.connector, source)
            }
        }
    }

    /// Saves each stream's new state once all it landed has loaded (or was already loaded): the
    /// cursor never runs ahead of the store. A stream with a failed file keeps its old state and
    /// asks for the same data next run.
    package func commit(_ pulls: [StreamPull], report: inout RunReport) throws(PipelineError) {
        for pull in pulls {
            guard let result = pull.result else { continue }
            let displays = Set(pull.landed.map { workspace.paths.display($0.path) })
            let failed = report.files.contains { displays.contains($0.file) && { if case .failed = $0.status { true } else { false } }($0) }
            // Unchanged and no checkpoint to replace: nothing to write.
            guard !failed, result.state != pull.outcome.before || pull.checkpointed else { continue }
            try storeCall {
                try store.saveStreamState(StoredStreamState(stream: pull.settings.stream, state: result.state.json,
                                                            updatedAt: now(), runID: report.runID))
            }
            if let at = report.streams.firstIndex(where: { $0.stream == pull.settings.stream }) {
                report.streams[at].saved = result.state
            }
        }
    }

    /// Credentials a stream cannot find (an unset variable, a missing file), for `validate`: before
    /// the nightly run finds out. In both languages, as validate prints them.
    package func problems() -> [Bilingual] {
        (workspace.config.streams ?? []).compactMap { settings -> Bilingual? in
            do throws(PullError) {
                _ = try Credentials.resolve(settings.credentials ?? [:], stream: settings.stream) { (file: String) throws -> String in
                    try workspace.paths.resolve(file, key: "credentials")
                }
                return nil
            } catch {
                return Bilingual("\(Workspace.configFile): \(error.sentence.en)", "\(Workspace.configFile)：\(error.sentence.zh)")
            }
        }
    }

    private func storeCall<T>(_ body: () throws -> T) throws(PipelineError) -> T {
        try pipeline.storeCall(body)
    }
}
