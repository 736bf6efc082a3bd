import KPIWorkspace

/// One message for the chats: which event it is about and its text in both languages, so each
/// webhook gets the language it was configured with.
package struct Notice: Sendable, Hashable {
    package var event: NoticeEvent
    package var zh: String
    package var en: String

    package init(event: NoticeEvent, zh: String, en: String) {
        self.event = event
        self.zh = zh
        self.en = en
    }

    package func text(_ lang: String?) -> String { lang == "en" ? en : zh }

    /// `kpibridge notify`'s message: proof that the webhook, its secret and the signature work.
    static func test(workspace: String) -> Notice {
        Notice(event: .test,
               zh: "kpibridge 测试消息 · \(workspace): 这个群会收到运行失败、数据断更、进度预警和报告的通知",
               en: "kpibridge test message · \(workspace): this chat will be told of failed runs, stale sources, pacing and reports")
    }

    /// How many of a list's items a message shows before saying how many more there are.
    static let shownItems = 10

    /// `- item` lines, at most ``shownItems``, then `… N more` in the message's language.
    static func items(_ items: [String], more: (Int) -> String) -> [String] {
        // A problem of several lines stays several lines in the chat, indented under its dash.
        let shown = items.prefix(shownItems).map {
            "- " + $0.escapingControlCharacters(keepingNewlines: true).replacingOccurrences(of: "\n", with: "\n  ")
        }
        return shown + (items.count > shownItems ? [more(items.count - shownItems)] : [])
    }
}
