import Foundation
import KPINotify
import KPIPull
import KPISchema
import Logging
import KPIWorkspace

/// Sends notices to the workspace's `notify:` webhooks: each webhook the events it asked for, in its
/// language. A webhook that cannot be reached or refuses is reported, never fatal to the job that
/// notified: the numbers are stored either way.
package struct Notifications {
    /// The workspace folder: `file:` references resolve in it, messages name it.
    package let paths: WorkspacePath
    /// The `notify:` entries.
    package let webhooks: [NotifySettings]
    package var sender: WebhookSender
    package var now: @Sendable () -> Instant

    package init(paths: WorkspacePath, webhooks: [NotifySettings], logger: Logger, now: @escaping @Sendable () -> Instant = { .now() }) {
        self.paths = paths
        self.webhooks = webhooks
        self.now = now
        sender = WebhookSender(logger: logger)
    }

    package init(workspace: Workspace, logger: Logger, now: @escaping @Sendable () -> Instant = { .now() }) {
        self.init(paths: workspace.paths, webhooks: workspace.config.notify ?? [], logger: logger, now: now)
    }

    package init(pipeline: Pipeline) {
        self.init(workspace: pipeline.workspace, logger: pipeline.logger, now: pipeline.now)
    }

    private var logger: Logger { sender.logger }

    /// What became of one notice at one webhook.
    package struct Delivery: Sendable, Hashable {
        package var webhook: String
        package var platform: ChatPlatform
        package var event: NoticeEvent
        /// Why it was not delivered; nil when it was.
        package var failure: Bilingual?

        /// `NOT NOTIFIED: ops [飞书 Feishu] of stale: why`, for a delivery that failed.
        package var undelivered: String? { undeliveredSentence?.en }

        /// ``undelivered`` in both languages, for the run summary and the error a failed job throws.
        package var undeliveredSentence: Bilingual? {
            failure.map { Bilingual("NOT NOTIFIED: \(webhook) [\(platform.title)] of \(event.rawValue): \($0.en)",
                                    "未送达通知：\(webhook) [\(platform.title)]（\(event.rawValue)）：\($0.zh)") }
        }
    }

    /// Sends each notice to every webhook subscribed to its event (to every webhook with `everyWebhook`).
    package func send(_ notices: [Notice], everyWebhook: Bool = false) -> [Delivery] {
        var deliveries: [Delivery] = []
        for settings in webhooks {
            let wanted = notices.filter { everyWebhook || settings.events.contains($0.event) }
            guard !wanted.isEmpty else { continue }
            let endpoint: WebhookEndpoint
            do {
                endpoint = try Self.endpoint(settings, paths: paths)
            } catch {
                deliveries += wanted.map { Delivery(webhook: settings.displayName, platform: settings.platform, event: $0.event, failure: error.sentence) }
                continue
            }
            for notice in wanted {
                var delivery = Delivery(webhook: settings.displayName, platform: settings.platform, event: notice.event)
                do {
                    try sender.deliver(notice.text(settings.lang), to: endpoint, now: Date(timeIntervalSince1970: Double(now().secondsSinceEpoch)))
                    logger.info("notified \(settings.displayName) (\(notice.event.rawValue))",
                                metadata: ["event": "notify", Bilingual.logKey: "已通知 \(settings.displayName)（\(notice.event.rawValue)）"])
                } catch {
                    delivery.failure = error.sentence
                    logger.warning("notify   \(settings.displayName) (\(notice.event.rawValue)): \(error.sentence.en)",
                                   metadata: ["event": "notify", Bilingual.logKey: "通知失败 \(settings.displayName)（\(notice.event.rawValue)）：\(error.sentence.zh)"])
                }
                deliveries.append(delivery)
            }
        }
        return deliveries
    }

    /// The webhook's URL and secret, read from where kpibridge.yaml points; errors name the variable or
    /// file, never a value.
    static func endpoint(_ settings: NotifySettings, paths: WorkspacePath) throws(WebhookError) -> WebhookEndpoint {
        let references = ["webhook": settings.webhook].merging(settings.secret.map { ["secret": $0] } ?? [:]) { a, _ in a }
        let credentials: Credentials
        do {
            credentials = try Credentials.resolve(references, stream: "notify \(settings.displayName)") { (file: String) throws -> String in
                try paths.resolve(file, key: "notify")
            }
        } catch {
            throw WebhookError(error.problem)
        }
        let text = (try? credentials.require("webhook", stream: "")) ?? ""
        guard let url = URL(string: text), let host = url.host, url.scheme == "https" || (url.scheme == "http" && Self.localHosts.contains(host)) else {
            throw WebhookError(Bilingual("`webhook` does not hold an https:// URL (plain http:// only to this machine)",
                                         "`webhook` 中不是 `https://` 地址（只有发往本机时才能用 `http://`）"))
        }
        return WebhookEndpoint(name: settings.displayName, platform: settings.platform, url: url,
                               secret: settings.secret == nil ? nil : try? credentials.require("secret", stream: ""))
    }

    /// Hosts a webhook may be reached on over plain HTTP: a relay on this machine, the tests' stand-in.
    static let localHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]
}

extension Notifications {
    /// Tells the webhooks that take `failed` of a job that could not finish, and returns the error to
    /// throw: the job's own, with a line for each webhook that could not be told. Only failures are
    /// told; a usage error is the caller's, a held lock (exit 3) the next run's.
    package func tell(_ error: PipelineError) -> PipelineError {
        guard error.kind == .failed else { return error }
        let undelivered = send([Notice.runFailed(error, workspace: paths.root)]).compactMap(\.undeliveredSentence)
        guard !undelivered.isEmpty else { return error }
        return PipelineError(error.kind, Bilingual.joined([error.sentence] + undelivered, en: "\n", zh: "\n"))
    }

    /// Tells the webhooks that take `failed` of a job whose workspace did not open (a scorecards or
    /// definitions file a person broke), when kpibridge.yaml itself still reads and names them; returns
    /// the error to throw. A workspace that does not open at all has no webhooks to tell.
    package static func tellUnopened(directory: String, error: PipelineError, logger: Logger) -> PipelineError {
        guard error.kind == .failed, let paths = try? WorkspacePath(root: directory),
              let config = try? WorkspaceConfig.read(in: paths) else { return error }
        let webhooks = (config.notify ?? []).filter { $0.problem == nil }
        guard !webhooks.isEmpty else { return error }
        return Notifications(paths: paths, webhooks: webhooks, logger: logger).tell(error)
    }

    /// Problems with `workspace`'s `notify:` webhooks' URLs and secrets, for `validate` and `doctor`: in
    /// both languages, as those commands print them.
    package static func problems(_ workspace: Workspace) -> [Bilingual] {
        (workspace.config.notify ?? []).compactMap { settings in
            do throws(WebhookError) {
                _ = try endpoint(settings, paths: workspace.paths)
                return nil
            } catch {
                return Bilingual("\(Workspace.configFile): notify `\(settings.displayName)`: \(error.sentence.en)",
                                 "\(Workspace.configFile)：通知 `\(settings.displayName)`：\(error.sentence.zh)")
            }
        }
    }
}

extension Notifications {
    /// Sends a test message to every `notify:` webhook, whatever its `on:`, so a new setup can be checked.
    package func test() throws(PipelineError) -> [Delivery] {
        guard !webhooks.isEmpty else {
            throw .usage(Bilingual("\(Workspace.configFile) has no `notify:` webhooks (see README \"Notifications\")",
                                   "\(Workspace.configFile) 没有配置 `notify:` webhook（参见 README 的“Notifications”一节）"))
        }
        return send([Notice.test(workspace: paths.root)], everyWebhook: true)
    }
}
