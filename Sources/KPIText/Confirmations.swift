import KPISchema
import KPIWorkspace

/// The one-line answers of commands whose work has no report of its own.
package enum Confirmations {
    /// `validate` with nothing to say: what the workspace holds.
    package static func valid(_ workspace: Workspace, language l: DisplayLanguage = .en) -> String {
        let sources = workspace.config.sources.count, profiles = workspace.definitions.definitions.names.count
        let cards = workspace.scoring?.policy.scorecards.count
        return l.pick("ok: \(sources) sources, \(profiles) definition profiles, " + (cards.map { "\($0) scorecards" } ?? "no scorecards"),
                      "正常：\(sources) 个数据源，\(profiles) 个口径，" + (cards.map { "\($0) 张考核表" } ?? "没有考核表"))
    }

    /// `validate --format json`: whether the workspace is ready, what it holds, and every problem (in
    /// English, as monitors read it).
    package static func validation(_ workspace: Workspace, problems: [Bilingual], warnings: [String] = []) -> String {
        "{\"ok\":\(problems.isEmpty),\"sources\":\(workspace.config.sources.count),"
            + "\"profiles\":\(workspace.definitions.definitions.names.count),"
            + "\"scorecards\":\(workspace.scoring.map { String($0.policy.scorecards.count) } ?? "null"),"
            + "\"problems\":[" + problems.map { JSONText.quoted($0.en) }.joined(separator: ",") + "],"
            + "\"warnings\":[" + warnings.map(JSONText.quoted).joined(separator: ",") + "]}"
    }

    /// `validate`'s advice, one `warning:` line each, printed whether or not there are problems.
    package static func warnings(_ warnings: [String], language l: DisplayLanguage = .en) -> String {
        warnings.map { l.pick("warning: ", "警告：") + $0 }.joined(separator: "\n")
    }

    /// `validate --format json` when the workspace does not open at all.
    package static func unopened(_ message: String) -> String {
        "{\"ok\":false,\"sources\":null,\"profiles\":null,\"scorecards\":null,\"problems\":[\(JSONText.quoted(message))],\"warnings\":[]}"
    }

    /// `validate`'s failure: every problem, then how many. In both languages, as the error it is thrown in:
    /// the CLI prints the reader's (`--lang`), a JSON log the English.
    package static func problems(_ problems: [Bilingual]) -> Bilingual {
        Bilingual.joined(problems, en: "\n", zh: "\n")
            + Bilingual("\n\(problems.count) problem\(problems.count == 1 ? "" : "s")", "\n\(problems.count) 个问题")
    }

    /// `state reset`: whether the stream had a state to forget.
    package static func streamReset(_ stream: String, forgotten: Bool, language l: DisplayLanguage = .en) -> String {
        forgotten ? l.pick("stream \(stream): state forgotten; the next run pulls from its `start:`",
                           "数据流 \(stream)：状态已清除；下次运行从它的 `start:` 开始拉取")
                  : l.pick("stream \(stream) had no saved state; nothing changed", "数据流 \(stream) 没有保存的状态；未做任何改动")
    }

    /// `report --out FILE`: where the report went and what it covers.
    package static func reportWritten(_ path: String, bytes: Int, period: Period, language: DisplayLanguage) -> String {
        language.pick("wrote \(path) (\(bytes) bytes, \(period.grain.rawValue) \(period.label), \(language.rawValue))",
                      "已写入 \(path)（\(bytes) 字节，\(DisplayNames.grain(period.grain.rawValue, .zh)) \(period.label)，\(language.rawValue)）")
    }
}
