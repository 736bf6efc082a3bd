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

    package var description: String {
        let what = missing.count == 1 ? "a column it reads is missing" : "\(missing.count) columns it reads are missing"
        var lines = ["\(file): not a `\(connector)` export: \(what)"]
        for m in missing {
            var line = "  - \(m.field): expected a column named " + m.accepted.map { "`\($0)`" }.joined(separator: " or ")
            if let closest = m.closest { line += "; closest found: `\(closest)`" }
            lines.append(line)
        }
        // A hostile header of a million columns must not become a 10 MB log line.
        let shown = found.prefix(Self.headersShown).map { "`\($0)`" }.joined(separator: ", ")
        let more = found.count > Self.headersShown ? ", … and \(found.count - Self.headersShown) more" : ""
        lines.append("  headers found: " + (found.isEmpty ? "(none)" : shown + more))
        return lines.joined(separator: "\n")
    }
}
