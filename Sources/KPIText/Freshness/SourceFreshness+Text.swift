import KPIPipeline
import KPISchema
import KPIWorkspace

extension SourceFreshness.Entry {
    /// When the newest file came and what was expected: `newest file loaded … (4d 18h ago: FILE); expected within 36h`.
    package var detail: String { detail(.en) }

    package func detail(_ l: DisplayLanguage) -> String {
        var text = l.pick("no file loaded yet", "尚未加载任何文件")
        if let at = newestLoadedAt, let age, let newestFile {
            let file = newestFile.escapingControlCharacters(), ago = TimeSpan.age(seconds: age, l)
            text = l.pick("newest file loaded \(at) (\(ago) ago: \(file))", "最新文件加载于 \(at)（\(ago)前：\(file)）")
        }
        return text + (cadence.map { l.pick("; expected within \($0)", "；应在 \($0) 内") } ?? l.pick(" (no fresh_within set)", "（未设置 fresh_within）"))
    }
}

extension SourceFreshness {
    /// A line per source, stale first marked, then how many are stale.
    package var text: String { text(language: .en) }

    package func text(language l: DisplayLanguage) -> String {
        var lines = [l.pick("kpibridge freshness · as of \(asOf)", "kpibridge freshness · 截至 \(asOf)")]
        if entries.isEmpty { lines.append(l.pick("  no sources in kpibridge.yaml", "  kpibridge.yaml 中没有数据源")) }
        for entry in entries {
            let mark = entry.cadence == nil ? "-" : entry.isStale ? l.pick("STALE", "过期") : l.pick("ok", "正常")
            lines.append("  " + TerminalWidth.pad(mark, 6) + " \(entry.name)" + l.pick(": ", "：") + entry.detail(l))
        }
        let exit = PipelineError.Kind.stale.rawValue
        if watched == 0 {
            lines.append(l.pick("no source sets fresh_within (e.g. `fresh_within: 36h`), so none is judged",
                                "没有数据源设置 fresh_within（例如 `fresh_within: 36h`），因此不做判断"))
        } else {
            lines.append(l.pick("\(stale.count) of \(watched) watched source\(watched == 1 ? "" : "s") stale" + (stale.isEmpty ? "" : " (exit code \(exit))"),
                                "受监控的 \(watched) 个数据源中 \(stale.count) 个过期" + (stale.isEmpty ? "" : "（退出码 \(exit)）")))
        }
        return lines.joined(separator: "\n")
    }

    /// The run summary's line: the stale sources only; nothing when none is.
    package var runLine: String? { runLine(.en) }

    package func runLine(_ l: DisplayLanguage) -> String? {
        guard !stale.isEmpty else { return nil }
        let exit = PipelineError.Kind.stale.rawValue
        return l.pick("STALE SOURCES (exit code \(exit) when nothing else failed): ", "数据源过期（没有其他失败时退出码 \(exit)）：")
            + stale.map { source in
                let age = source.age.map { l.pick("newest file \(TimeSpan.age(seconds: $0)) old", "最新文件距今 \(TimeSpan.age(seconds: $0, l))") }
                return "\(source.name) " + (age ?? l.pick("no file loaded yet", "尚未加载任何文件"))
                    + l.pick(", expected within \(source.cadence!)", "，应在 \(source.cadence!) 内")
            }.joined(separator: l.pick("; ", "；"))
    }

    /// One JSON object: `as_of` and a `sources` array, for monitoring.
    package var json: String {
        let items = entries.map { entry in
            "{" + [
                "\"files\":" + JSONText.quoted(entry.files),
                "\"connector\":" + JSONText.quoted(entry.connector),
                "\"fresh_within\":" + (entry.cadence.map { JSONText.quoted($0.description) } ?? "null"),
                "\"newest_file\":" + (entry.newestFile.map(JSONText.quoted) ?? "null"),
                "\"newest_loaded_at\":" + (entry.newestLoadedAt.map { JSONText.quoted($0.iso8601) } ?? "null"),
                "\"age_seconds\":" + (entry.age.map(String.init) ?? "null"),
                "\"stale\":" + (entry.isStale ? "true" : "false"),
            ].joined(separator: ",") + "}"
        }
        return "{\"as_of\":\(JSONText.quoted(asOf.iso8601)),\"sources\":[" + items.joined(separator: ",") + "]}"
    }
}
