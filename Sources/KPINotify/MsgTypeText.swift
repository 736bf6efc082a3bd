/// `{"msgtype":"text","text":{"content":…}}`, the text message 钉钉 and 企业微信 both take.
struct MsgTypeText: Encodable {
    struct Text: Encodable { var content: String }
    var msgtype = "text"
    var text: Text

    init(_ content: String) { text = Text(content: content) }
}
