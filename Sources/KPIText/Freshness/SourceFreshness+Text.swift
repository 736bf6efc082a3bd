import KPIPipeline
import KPISchema
import KPIWorkspace

extension SourceFreshness.Entry {
    /// When the newest file came and what was expected: `newest file loaded … (4d 18h ago: FILE); expected within 36h`.
    package var detail: String {
        var text = "no file loaded yet"
        if let at = newestLoadedAt, let age, let newestFile {
            text = "newest file loaded \(at) (\(TimeSpan.age(seconds: age)) ago: \(newestFile.escapingControlCharacters()))"
        }
        return text + (cadence.map { "; expected within \($0)" } ?? " (no fresh_within set)")
    }
}

extension SourceFreshness {
    /// A line per source, stale first marked, then how many are stale.
    package var text: String {
        var lines = ["kpibridge freshness · as of \(asOf)"]
        if entries.isEmpty { lines.append("  no sources in kpibridge.yaml") }
        for entry in entries {
            let mark = entry.cadence == nil ? "-" : entry.isStale ? "STALE" : "ok"
            lines.append("  " + mark.padding(toLength: 6, withPad: " ", startingAt: 0) + " \(entry.name): \(entry.detail)")
        }
        if watched == 0 {
            lines.append("no source sets fresh_within (e.g. `fresh_within: 36h`), so none is judged")
        } else {
            lines.append("\(stale.count) of \(watched) watched source\(watched == 1 ? "" : "s") stale"
                         + (stale.isEmpty ? "" : " (exit code \(PipelineError.Kind.stale.rawValue))"))
        }
        return lines.joined(separator: "\n")
    }

    /// The run summary's line: the stale sources only; nothing when none is.
    package var runLine: String? {
        guard !stale.isEmpty else { return nil }
        return "STALE SOURCES (exit code \(PipelineError.Kind.stale.rawValue) when nothing else failed): "
            + stale.map { "\($0.name) " + ($0.age.map { "newest file \(TimeSpan.age(seconds: $0)) old" } ?? "no file loaded yet")
                + ", expected within \($0.cadence!)" }.joined(separator: "; ")
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
