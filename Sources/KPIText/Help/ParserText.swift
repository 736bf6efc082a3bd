import Foundation
import KPISchema

/// The argument parser's own words around our help and usage errors, in Chinese.
///
/// ArgumentParser writes its headings (`USAGE:`, `OPTIONS:`), the `-h, --help` line and `(default: …)` in
/// English whatever the strings we give it; our help strings are already in the reader's language, so a
/// Chinese reader gets the frame translated here, by its fixed words, rather than a second help printer.
package enum ParserText {
    /// The English frame words, each with its Chinese, in the order they are replaced. Headings keep their
    /// width in columns (`USAGE: ` and `用法： ` both take 7) so the parser's hanging indent still lines up.
    static let frame: [(en: String, zh: String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法： "),
        ("Usage: ", "用法： "),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Help:  ", "说明："),
        ("Show help information.", "显示帮助。"),
        ("Show the version.", "显示版本。"),
        (" (default)", " (默认)"),
        ("Missing expected argument ", "缺少参数 "),
        ("Unknown option ", "未知选项 "),
        ("Unexpected argument ", "多余的参数 "),
        ("Missing value for ", "缺少取值："),
        ("The value ", "取值 "),
        (" is invalid for ", " 不适用于 "),
        (" is invalid.", " 无效。"),
        (". Please provide one of ", "。可选："),
        ("' and '", "'、'"),
        ("' or '", "' 或 '"),
        ("', '", "'、'"),
        ("Missing required subcommand.", "缺少子命令。"),
    ]

    /// Frame words the parser may wrap onto the next line (its help column is narrow): matched across the
    /// break, which the Chinese, shorter, no longer needs.
    static let wrapped: [(pattern: String, zh: String)] = [
        (#";\s+default as flag:\s+"#, "；作为开关时默认："),
        (#";\s+default:\s+"#, "；默认："),
        (#"\(default:\s+"#, "(默认："),
        (#"\(values:\s+"#, "(可选："),
        // The full stop after a quoted value that ends a message (`… 'en' and 'zh'.`).
        (#"(?m)'\.$"#, "'。"),
    ]

    /// `text` as the parser wrote it, for `language`: unchanged in English; in Chinese with the frame's
    /// words and its two pointers (`See '… <subcommand>' for detailed help.`, `See '… --help' for more
    /// information.`) translated, the command names they quote kept.
    package static func translated(_ text: String, to language: DisplayLanguage) -> String {
        guard language == .zh else { return text }
        var out = text
        for (pattern, zh) in wrapped { out = out.replacingOccurrences(of: pattern, with: zh, options: .regularExpression) }
        for (en, zh) in frame { out = out.replacingOccurrences(of: en, with: zh) }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let body = line.drop { $0 == " " }
            let indent = String(line.prefix(line.count - body.count))
            guard body.hasPrefix("See '"), let close = body.dropFirst(5).firstIndex(of: "'") else { return String(line) }
            let quoted = body[body.index(body.startIndex, offsetBy: 5)..<close]
            switch body[body.index(after: close)...] {
            case " for detailed help.": return "\(indent)各子命令的说明：`\(quoted)`"
            case " for more information.": return "\(indent)更多说明：`\(quoted)`"
            default: return String(line)
            }
        }.joined(separator: "\n")
    }
}
