import Foundation
import KPINotify
import KPISchema

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

    /// The platform; every entry has one once the workspace has loaded (``problem`` refuses the rest).
    package var platform: ChatPlatform { ChatPlatform(rawValue: channel)! }

    /// The events this webhook is told about.
    package var events: Set<NoticeEvent> { Set((on ?? NoticeEvent.subscribable.map(\.rawValue)).compactMap(NoticeEvent.init)) }

    /// Why the entry cannot be used, or nil; in both languages, as the workspace's check reports it.
    package var problem: Bilingual? {
        guard ChatPlatform(rawValue: channel) != nil else {
            let names = ChatPlatform.allCases.map(\.rawValue)
            return Bilingual("channel `\(channel)` is not one of \(names.joined(separator: ", "))",
                             "`channel` `\(channel)` 不在可选值之中：\(names.joined(separator: "、"))")
        }
        for (key, reference) in [("webhook", webhook), ("secret", secret)] {
            guard let reference else { continue }
            // Never echoed: a URL or secret pasted here by mistake must not reach a message.
            let what = key == "webhook"
                ? Bilingual("the webhook URL carries the bot's token", "webhook URL 含有机器人的令牌")
                : Bilingual("the secret", "签名密钥")
            if reference.hasPrefix("env:") {
                let name = reference.dropFirst(4)
                guard let first = name.first, first == "_" || first.isLetter,
                      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                    return Bilingual(
                        "`\(key)`: env: names an environment variable (letters, digits, _); \(what.en) and is never written into kpibridge.yaml",
                        "`\(key)`：`env:` 后面是环境变量名（字母、数字、_）；\(what.zh)，绝不写进 kpibridge.yaml")
                }
            } else if !reference.hasPrefix("file:") || reference.contains("://") {
                return Bilingual("`\(key)` must be `env:VARIABLE` or `file:PATH`: \(what.en) and is never written into kpibridge.yaml",
                                 "`\(key)` 应为 `env:VARIABLE` 或 `file:PATH`：\(what.zh)，绝不写进 kpibridge.yaml")
            }
        }
        if secret != nil, platform == .wecom || platform == .slack {
            return Bilingual("`secret`: \(platform.title) webhooks are not signed; remove it",
                             "`secret`：\(platform.title) 的 webhook 不做签名；请删除它")
        }
        for event in on ?? [] where !NoticeEvent.subscribable.map(\.rawValue).contains(event) {
            let names = NoticeEvent.subscribable.map(\.rawValue)
            return Bilingual("`on` lists `\(event)`, which is not one of \(names.joined(separator: ", "))",
                             "`on` 列出的 `\(event)` 不在可选值之中：\(names.joined(separator: "、"))")
        }
        if let lang, lang != "zh", lang != "en" { return Bilingual("`lang` is `\(lang)`: zh or en", "`lang` 是 `\(lang)`：应为 `zh` 或 `en`") }
        return nil
    }
}

extension WorkspaceConfig {
    /// Whether any `notify:` webhook takes `event`.
    package func notifies(_ event: NoticeEvent) -> Bool {
        (notify ?? []).contains { $0.events.contains(event) }
    }
}
