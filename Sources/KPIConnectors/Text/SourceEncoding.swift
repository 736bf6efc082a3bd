/// The text encodings exports arrive in. Chinese Excel re-saves CSVs as GB18030 (a superset of GBK).
package enum SourceEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
    /// UTF-8 when the whole file is well-formed UTF-8, GB18030 otherwise.
    case auto

    /// Accepts common spellings: `UTF8`, `utf-8`, `GBK`, `gb2312`, `GB18030`.
    package init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "auto": self = .auto
        default: return nil
        }
    }
}
