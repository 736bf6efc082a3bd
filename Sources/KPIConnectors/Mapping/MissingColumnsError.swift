import KPISchema

/// A file whose header lacks columns its connector reads (required fields, and any field a record, a
/// condition or a row rule uses without a declared default); nothing from it is loaded.
package struct MissingColumnsError: Error, Sendable, Equatable, CustomStringConvertible {
    package struct Missing: Sendable, Equatable {
        package var field: String
        /// The header names that would have been accepted.
        package var accepted: [String]
        /// The found header closest to one of them, if any is close.
        package var closest: String?
    }

    package var file: String
    package var connector: String
    package var missing: [Missing]
    /// The header row that matched best, as found.
    package var found: [String]

    /// How many found headers the message lists.
    static let headersShown = 40

    package var description: String { sentence.en }

    package var sentence: Bilingual {
        let what = Bilingual(missing.count == 1 ? "a column it reads is missing" : "\(missing.count) columns it reads are missing",
                             "缺少它读取的 \(missing.count) 列")
        var lines = [Bilingual("\(file): not a `\(connector)` export: \(what.en)", "\(file)：不是 `\(connector)` 的导出：\(what.zh)")]
        for m in missing {
            let accepted = m.accepted.map { "`\($0)`" }
            lines.append(Bilingual("  - \(m.field): expected a column named " + accepted.joined(separator: " or ")
                                       + (m.closest.map { "; closest found: `\($0)`" } ?? ""),
                                   "  - \(m.field)：应有名为 " + accepted.joined(separator: " 或 ") + " 的列"
                                       + (m.closest.map { "；最接近的是 `\($0)`" } ?? "")))
        }
        // A hostile header of a million columns must not become a 10 MB log line.
        let shown = found.prefix(Self.headersShown).map { "`\($0)`" }
        let more = found.count - Self.headersShown
        lines.append(Bilingual("  headers found: " + (found.isEmpty ? "(none)" : shown.joined(separator: ", ") + (more > 0 ? ", … and \(more) more" : "")),
                               "  找到的表头：" + (found.isEmpty ? "（无）" : shown.joined(separator: "、") + (more > 0 ? "……另有 \(more) 个" : ""))))
        return Bilingual.joined(lines, en: "\n", zh: "\n")
    }
}
