import Foundation
import KPINotify

/// One `notify:` entry in kpibridge.yaml: a chat webhook and which events it is told about.
///
/// The webhook URL carries the bot's token and the signing secret is a secret: both are read from
/// `env:VARIABLE` or `file:PATH` (inside the workspace), never written into the file.
package struct NotifySettings: Sendable, Decodable, Hashable {
    /// What messages and the run summary call it. Default: the channel's name.
    package var name: String?
    /// `feishu`, `dingtalk`, `wecom` or `slack`.
    package var channel: String
    /// `env:VARIABLE` or `file:PATH` holding the webhook URL.
    package var webhook: String
    /// `env:VARIABLE` or `file:PATH` holding the signing secret (飞书 签名校验, 钉钉 加签).
    package var secret: String?
    /// Events sent here. Default: every one.
    package var on: [String]?
    /// `zh` or `en`. Default `zh`.
    package var lang: String?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case name, channel, webhook, secret, on, lang
    }

    /// The name messages use.
    package var displayName: String { name ?? channel }

    /// The platform, once ``problem`` found none.
    package var platform: ChatPlatform { ChatPlatform(rawValue: channel) ?? .slack }

    /// The events this webhook is told about.
    package var events: Set<NoticeEvent> { Set((on ?? NoticeEvent.subscribable.map(\.rawValue)).compactMap(NoticeEvent.init)) }

    /// Why the entry cannot be used, or nil.
    package var problem: String? {
        guard ChatPlatform(rawValue: channel) != nil else {
            return "channel `\(channel)` is not one of \(ChatPlatform.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        for (key, reference) in [("webhook", webhook), ("secret", secret)] {
            guard let reference else { continue }
            guard reference.hasPrefix("env:") || reference.hasPrefix("file:") else {
                return "`\(key)` must be `env:VARIABLE` or `file:PATH`; the \(key == "webhook" ? "URL carries the bot's token" : "secret") is not written into kpibridge.yaml"
            }
        }
        if secret != nil, platform == .wecom || platform == .slack {
            return "`secret`: \(platform.title) webhooks are not signed; remove it"
        }
        for event in on ?? [] where !NoticeEvent.subscribable.map(\.rawValue).contains(event) {
            return "`on` lists `\(event)`, which is not one of \(NoticeEvent.subscribable.map(\.rawValue).joined(separator: ", "))"
        }
        if let lang, lang != "zh", lang != "en" { return "`lang` is `\(lang)`: zh or en" }
        return nil
    }
}

/// What kpibridge tells a chat about.
package enum NoticeEvent: String, Sendable, Hashable, CaseIterable {
    /// A run that failed or exited 1 (files, streams, rates, held scores), or could not start.
    case failed
    /// Sources whose newest export is older than their `fresh_within`.
    case stale
    /// Scorecard lines behind or at risk in the open period.
    case pacing
    /// A report written with `kpibridge report --notify` or by a schedule: its summary.
    case report
    /// `kpibridge notify`'s test message, sent to every webhook whatever its `on:`.
    case test

    /// What an `on:` list may name.
    package static let subscribable: [NoticeEvent] = [.failed, .stale, .pacing, .report]
}
