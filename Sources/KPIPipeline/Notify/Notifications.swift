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
    package let workspace: Workspace
    package var sender: WebhookSender
    package var now: @Sendable () -> Instant

    package init(workspace: Workspace, logger: Logger, now: @escaping @Sendable () -> Instant = { .now() }) {
        self.workspace = workspace
        self.now = now
        sender = WebhookSender(logger: logger)
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
        package var failure: String?
    }

    /// Sends each notice to every webhook subscribed to its event (to every webhook with `everyWebhook`).
    package func send(_ notices: [Notice], everyWebhook: Bool = false) -> [Delivery] {
        var deliveries: [Delivery] = []
        for settings in workspace.config.notify ?? [] {
            let wanted = notices.filter { everyWebhook || settings.events.contains($0.event) }
            guard !wanted.isEmpty else { continue }
            let endpoint: WebhookEndpoint
            do {
                endpoint = try Self.endpoint(settings, workspace: workspace)
            } catch {
                deliveries += wanted.map { Delivery(webhook: settings.displayName, platform: settings.platform, event: $0.event, failure: error.description) }
                continue
            }
            for notice in wanted {
                var delivery = Delivery(webhook: settings.displayName, platform: settings.platform, event: notice.event)
                do {
                    try sender.deliver(notice.text(settings.lang), to: endpoint, now: Date(timeIntervalSince1970: Double(now().secondsSinceEpoch)))
                    logger.info("notified \(settings.displayName) (\(notice.event.rawValue))", metadata: ["event": "notify"])
                } catch {
                    delivery.failure = error.description
                    logger.warning("notify   \(settings.displayName) (\(notice.event.rawValue)): \(error.description)", metadata: ["event": "notify"])
                }
                deliveries.append(delivery)
            }
        }
        return deliveries
    }

    /// The webhook's URL and secret, read from where kpibridge.yaml points; errors name the variable or
    /// file, never a value.
    static func endpoint(_ settings: NotifySettings, workspace: Workspace) throws(WebhookError) -> WebhookEndpoint {
        let references = ["webhook": settings.webhook].merging(settings.secret.map { ["secret": $0] } ?? [:]) { a, _ in a }
        let credentials: Credentials
        do {
            credentials = try Credentials.resolve(references, stream: "notify \(settings.displayName)") { (file: String) throws -> String in
                try workspace.paths.resolve(file, key: "notify")
            }
        } catch {
            throw WebhookError(error.message)
        }
        let text = (try? credentials.require("webhook", stream: "")) ?? ""
        guard let url = URL(string: text), let host = url.host, url.scheme == "https" || (url.scheme == "http" && Self.localHosts.contains(host)) else {
            throw WebhookError("`webhook` does not hold an https:// URL")
        }
        return WebhookEndpoint(name: settings.displayName, platform: settings.platform, url: url,
                               secret: settings.secret == nil ? nil : try? credentials.require("secret", stream: ""))
    }

    /// Hosts a webhook may be reached on over plain HTTP: a relay on this machine, the tests' stand-in.
    static let localHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]
}

extension Notifications {
    /// Problems with `workspace`'s `notify:` webhooks' URLs and secrets, for `validate` and `doctor`.
    package static func problems(_ workspace: Workspace) -> [String] {
        (workspace.config.notify ?? []).compactMap { settings in
            do throws(WebhookError) {
                _ = try endpoint(settings, workspace: workspace)
                return nil
            } catch {
                return "\(Workspace.configFile): notify `\(settings.displayName)`: \(error.description)"
            }
        }
    }
}

extension Notifications {
    /// Sends a test message to every `notify:` webhook, whatever its `on:`, so a new setup can be checked.
    package func test() throws(PipelineError) -> [Delivery] {
        let webhooks = workspace.config.notify ?? []
        guard !webhooks.isEmpty else {
            throw .usage("\(Workspace.configFile) has no `notify:` webhooks (see README \"Notifications\")")
        }
        return send([Notice.test(workspace: workspace.paths.root)], everyWebhook: true)
    }
}
