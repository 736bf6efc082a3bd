import Foundation
import KPIConnectors
import KPIFacts
import KPISchema
import KPIStore
import KPIWorkspace

/// Decides what happens to each file of a load before anything is written: skipped (same bytes already
/// loaded), failed (no connector fits, a required column is missing) or to be loaded by its connector.
package struct LoadPlanner {
    package let pipeline: Pipeline
    /// Plans files the ledger already holds as if new: a retract re-reads them to restore what the
    /// retracted file had replaced.
    package var replaying = false

    package init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    private var workspace: Workspace { pipeline.workspace }

    /// Fingerprints each file, marks those already loaded (or repeated in this batch), routes files
    /// without a connector by detection, and opens every file to be loaded far enough to check its
    /// header, so a bad file fails before anything of it is written (and the others still load).
    /// Entries the inbox walk `refused` (a pipe, a dangling link, an unreadable folder) fail by name; those
    /// it `ignored` (hidden files, lock files) are skipped by name.
    package func plan(_ files: [LoadInput], refused: [(path: String, reason: Bilingual)] = [],
                      ignored: [(path: String, reason: Bilingual)] = []) throws(PipelineError) -> [PlannedFile] {
        var planned: [PlannedFile] = []
        var seen: [String: String] = [:]
        let detector = ConnectorDetector(catalog: workspace.catalog)
        for (path, chosen, source) in files {
            // A name is shown and recorded with its control characters escaped: it cannot forge output lines.
            let display = workspace.paths.display(path).escapingControlCharacters()
            let fingerprint: FileFingerprint
            do {
                fingerprint = try FileFingerprint.compute(path: path)
            } catch {
                // An unreadable file fails alone, by name; the others still load.
                planned.append(Self.refusal(path: path, display: display,
                                            reason: Bilingual("cannot be read (\(error)); not loaded", "无法读取（\(error)）；未加载")))
                continue
            }
            var connector = chosen
            var routing: Bilingual?
            var failure: Bilingual?
            if connector == nil {
                switch detector.choose(path: path, display: display, fingerprint: fingerprint) {
                case .success(let detection):
                    connector = try workspace.connector(detection.connector)
                    routing = Bilingual("detected", "自动识别")
                case .failure(let error):
                    failure = error.sentence
                }
            }
            var file = PlannedFile(path: path, display: display, connector: connector ?? UnroutedConnector(),
                                   source: source, fingerprint: fingerprint, failure: failure, routing: routing)
            if let earlier = seen[fingerprint.sha256] {
                file.skipReason = Bilingual("same bytes as \(earlier)", "与 \(earlier) 内容完全相同")
            } else if !replaying, let entry = try ledgerEntry(fingerprint.sha256) {
                file.skipReason = entry.retracted
                    ? Bilingual("retracted by run #\(entry.runID) as \(entry.file); these bytes never load again (a corrected file has other bytes)",
                                "已由运行 #\(entry.runID) 撤回（当时为 \(entry.file)）；内容完全相同的文件不会再加载（更正后的文件内容不同）")
                    : entry.pruned
                    ? Bilingual("already loaded as \(entry.file) on \(entry.loadedAt); that run's history was pruned",
                                "已于 \(entry.loadedAt) 作为 \(entry.file) 加载；那次运行的历史已清理")
                    : Bilingual("already loaded by run #\(entry.runID) as \(entry.file)", "已由运行 #\(entry.runID) 作为 \(entry.file) 加载")
            } else if file.failure == nil, let problem = assignShop(&file) {
                file.failure = problem
            } else if file.failure == nil {
                seen[fingerprint.sha256] = display
                do {
                    let reader = try file.connector.open(path: path, context: file.context(runID: 0))
                    if let header = reader as? any HeaderReporting {
                        file.unknownColumns = header.unknownColumns
                        file.unfedMetrics = Self.unfedMetrics(header.filledFlatFields)
                        file.absentOptionalColumns = header.absentOptionalColumns
                    }
                } catch {
                    file.failure = Bilingual(describing: error)
                }
            }
            planned.append(file)
        }
        for entry in refused {
            let path = (workspace.paths.root as NSString).appendingPathComponent(entry.path)
            planned.append(Self.refusal(path: path, display: entry.path.escapingControlCharacters(), reason: entry.reason))
        }
        for entry in ignored {
            let path = (workspace.paths.root as NSString).appendingPathComponent(entry.path)
            var file = Self.refusal(path: path, display: entry.path.escapingControlCharacters(), reason: entry.reason)
            (file.failure, file.skipReason) = (nil, entry.reason)
            planned.append(file)
        }
        return planned
    }

    /// Per kind the file makes, the metrics none of its columns can feed: "no first_response_hours,
    /// sla_response_rate (no column for first_reply_at or first_reply_minutes)".
    static func unfedMetrics(_ filled: [FlatKind: Set<String>]) -> [Bilingual] {
        filled.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { kind in
            MetricReach.unreachable(kind: kind, present: filled[kind]!).map { group in
                let metrics = group.metrics.map(\.rawValue)
                return Bilingual("no " + metrics.joined(separator: ", ") + " (no column for " + group.fields.joined(separator: " or ") + ")",
                                 "无法计算 " + metrics.joined(separator: "、") + "（没有 " + group.fields.joined(separator: " 或 ") + " 列）")
            }
        }
    }

    /// A file that fails before it is opened: no connector, no fingerprint.
    private static func refusal(path: String, display: String, reason: Bilingual) -> PlannedFile {
        PlannedFile(path: path, display: display, connector: UnroutedConnector(), source: nil,
                    fingerprint: FileFingerprint(sha256: "", byteCount: 0, isUTF8: true),
                    failure: Bilingual("\(display): \(reason.en)", "\(display)：\(reason.zh)"))
    }

    private func ledgerEntry(_ sha256: String) throws(PipelineError) -> LedgerEntry? {
        try pipeline.storeCall { try pipeline.store.ledgerEntry(sha256: sha256) }
    }
}
