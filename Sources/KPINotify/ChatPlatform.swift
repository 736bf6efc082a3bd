/// The chat tools whose incoming webhooks kpibridge posts to.
package enum ChatPlatform: String, Sendable, Hashable, CaseIterable, Decodable {
    /// 飞书 / Lark custom bot (自定义机器人), optionally signed (签名校验).
    case feishu
    /// 钉钉 custom robot (自定义机器人), optionally signed (加签).
    case dingtalk
    /// 企业微信 group robot (群机器人); its webhook key is its only secret.
    case wecom
    /// Slack incoming webhook.
    case slack

    /// How this platform wants a message posted and tells whether it took it.
    package var format: any WebhookFormat {
        switch self {
        case .feishu: FeishuWebhook()
        case .dingtalk: DingTalkWebhook()
        case .wecom: WeComWebhook()
        case .slack: SlackWebhook()
        }
    }

    /// 飞书 / DingTalk / 企业微信 / Slack, for messages.
    package var title: String {
        switch self {
        case .feishu: "飞书 Feishu"
        case .dingtalk: "钉钉 DingTalk"
        case .wecom: "企业微信 WeCom"
        case .slack: "Slack"
        }
    }
}
