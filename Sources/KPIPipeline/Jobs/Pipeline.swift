import Foundation
import KPIConnectors
import KPIFacts
import KPISchema
import KPIStore
import KPIWorkspace
import Logging

/// The jobs the CLI offers, over one workspace and one store.
public struct Pipeline: Sendable {
    public let workspace: Workspace
    public let store: any WarehouseStore
    public let storeURL: StoreURL
    /// Where a job reports each file as it works through them, and a long file's row count (the CLI
    /// logs to stderr as text or JSON lines; by default nothing is logged).
    public var logger = Logger(label: "kpibridge") { _ in SwiftLogNoOpLogHandler() }
    /// A long file logs its row count every this many rows.
    public var progressInterval = 100_000
    /// The clock that decides which periods are closed and stamps runs and loads (tests fix it).
    public var now: @Sendable () -> Instant = { .now() }

    public init(workspace: Workspace, store: any WarehouseStore, storeURL: StoreURL) {
        self.workspace = workspace
        self.store = store
        self.storeURL = storeURL
    }

    /// Opens `directory`'s workspace and its store (`storeOverride` from `--store` wins). With
    /// `createStore` false a missing store is an error rather than a new empty warehouse (for `export`).
    public init(directory: String, storeOverride: String? = nil, builtinConnectors: [String],
                createStore: Bool = true) throws(PipelineError) {
        let workspace = try Workspace(directory: directory, builtinConnectors: builtinConnectors)
        let url = try workspace.storeURL(override: storeOverride)
        self.init(workspace: workspace, store: try Workspace.openStore(url, create: createStore), storeURL: url)
    }

    // MARK: run

    /// Imports every new file in the inbox, then refreshes the fact tables: the periods new or changed
    /// records fall in, or every period with `fullRefresh`. Periods overlapping `recompute` are
    /// recomputed with the definition version now in force even when closed.
    ///
    /// The workspace's API streams are pulled first; what they land loads with the inbox, and each
    /// stream's state advances only after that load has committed.
    public func run(recompute: DateRange? = nil, fullRefresh: Bool = false) throws(PipelineError) -> RunReport {
        let claim = try claim("run")
        defer { withExtendedLifetime(claim.lease) {} }
        let pulls = try pullStreams()
        var report = try execute(try plan(try inboxFiles() + inputs(pulls)), command: "run", claim: claim, recompute: recompute,
                                 fullRefresh: fullRefresh, streams: pulls.map(\.outcome))
        try commitStreams(pulls, report: &report)
        return report
    }

    /// Matches every file under the inbox to a source, or routes it by header detection when no
    /// source names it. A file that fits no connector (or several equally) fails on its own.
    func planInbox() throws(PipelineError) -> [PlannedFile] {
        try plan(try inboxFiles())
    }

    /// Every file under the inbox with the connector and source of the workspace source naming it
    /// (none: routed by detection when planned).
    func inboxFiles() throws(PipelineError) -> [(path: String, connector: (any Connector)?, source: SourceConfig?)] {
        let inboxName = workspace.config.inbox ?? "inbox"
        let inbox = try workspace.paths.resolve(inboxName, key: "inbox")
        var relative: [String] = []
        if let walker = FileManager.default.enumerator(atPath: inbox) {
            while let item = walker.nextObject() as? String {
                let full = (inbox as NSString).appendingPathComponent(item)
                var isDirectory: ObjCBool = false
                guard !item.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                relative.append(workspace.paths.display(full))
            }
        }
        relative.sort()
        var planned: [(path: String, connector: (any Connector)?, source: SourceConfig?)] = []
        for file in relative {
            let path = try workspace.paths.resolve(file, key: "inbox file")
            if let source = workspace.source(for: file) {
                planned.append((path, try connector(source.connector), source))
            } else {
                planned.append((path, nil, nil))
            }
        }
        return planned
    }

    // MARK: import

    /// Loads chosen files with one named connector, then refreshes the fact tables.
    public func importFiles(connector id: String, files: [String], shop: String? = nil, platform: String? = nil,
                            timezone: String? = nil, currency: String? = nil, period: String? = nil) throws(PipelineError) -> RunReport {
        let connector = try connector(id)
        let claim = try claim("import")
        var planned: [(String, (any Connector)?, SourceConfig?)] = []
        for file in files {
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            guard FileManager.default.isReadableFile(atPath: path) else { throw .failed("\(file): no such readable file") }
            let given = SourceConfig(connector: id, files: file, shop: shop, platform: platform, timezone: timezone,
                                     currency: currency, period: period)
            planned.append((path, connector, try workspace.settings(for: workspace.paths.display(path), given: given)))
        }
        return try execute(try plan(planned), command: "import", claim: claim)
    }

    // MARK: shared steps

    private func connector(_ id: String) throws(PipelineError) -> any Connector {
        do { return try workspace.catalog.connector(id) } catch { throw .usage(error.description) }
    }

    /// Fingerprints each file, marks those already loaded (or repeated in this batch), routes files
    /// without a connector by detection, and opens every file to be loaded far enough to check its
    /// header, so a bad file fails before anything of it is written (and the others still load).
    func plan(_ files: [(path: String, connector: (any Connector)?, source: SourceConfig?)]) throws(PipelineError) -> [PlannedFile] {
        var planned: [PlannedFile] = []
        var seen: [String: String] = [:]
        let detector = ConnectorDetector(catalog: workspace.catalog)
        for (path, chosen, source) in files {
            let display = workspace.paths.display(path)
            let fingerprint: FileFingerprint
            do { fingerprint = try FileFingerprint.compute(path: path) } catch { throw .failed("\(error)") }
            var connector = chosen
            var routing: String?
            var failure: String?
            if connector == nil {
                switch detector.choose(path: path, display: display, fingerprint: fingerprint) {
                case .success(let detection):
                    connector = try self.connector(detection.connector)
                    routing = "detected"
                case .failure(let error):
                    failure = error.description
                }
            }
            var file = PlannedFile(path: path, display: display, connector: connector ?? UnroutedConnector(),
                                   source: source, fingerprint: fingerprint, failure: failure, routing: routing)
            if let earlier = seen[fingerprint.sha256] {
                file.skipReason = "same bytes as \(earlier)"
            } else if let entry = try ledgerEntry(fingerprint.sha256) {
                file.skipReason = "already loaded by run #\(entry.runID) as \(entry.file)"
            } else if file.failure == nil {
                seen[fingerprint.sha256] = display
                do {
                    let reader = try file.connector.open(path: path, context: file.context(runID: 0))
                    file.unknownColumns = (reader as? any HeaderReporting)?.unknownColumns ?? []
                } catch {
                    file.failure = "\(error)"
                }
            }
            planned.append(file)
        }
        return planned
    }

    private func ledgerEntry(_ sha256: String) throws(PipelineError) -> LedgerEntry? {
        do { return try store.ledgerEntry(sha256: sha256) } catch { throw .failed("store \(storeURL): \(error)") }
    }

    /// Loads the planned files one transaction each, then refreshes facts; records the run either way.
    func execute(_ plan: [PlannedFile], command: String, claim: Claim, recompute: DateRange? = nil,
                 score: Bool = true, fullRefresh: Bool = false, streams: [StreamOutcome] = []) throws(PipelineError) -> RunReport {
        defer { withExtendedLifetime(claim.lease) {} }
        if let problems = workspace.scoring?.problems, !problems.isEmpty {
            throw .failed(problems.joined(separator: "\n") + "\n(\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(workspace.scoringName); nothing was loaded; `kpibridge validate` checks again)")
        }
        let runID: Int64
        do { runID = try store.beginRun(command: command, at: now()) } catch { throw .failed("store \(storeURL): \(error)") }
        var report = RunReport(runID: runID, command: command, store: storeURL.description)
        report.recompute = recompute
        report.lockNote = claim.note
        report.streams = streams
        do {
            for file in plan {
                if let reason = file.skipReason {
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id, status: .skipped(reason: reason)))
                    logger.info("skipped  \(file.display) (\(reason))",
                                metadata: ["event": "skipped", "file": "\(file.display)", "reason": "\(reason)"])
                    continue
                }
                if let reason = file.failure {
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id, status: .failed(reason: reason)))
                    logger.error("failed   \(file.display)", metadata: ["event": "failed", "file": "\(file.display)", "reason": "\(reason)"])
                    continue
                }
                logger.info("loading  \(file.display) [\(file.connector.id)]",
                            metadata: ["event": "loading", "file": "\(file.display)", "connector": "\(file.connector.id)"])
                do {
                    var reader: any RecordReader = ProgressReader(
                        base: try file.connector.open(path: file.path, context: file.context(runID: runID)),
                        file: file.display, interval: progressInterval, logger: logger)
                    let stats = try store.load(
                        FileToLoad(path: file.display, connector: file.connector.id, fingerprint: file.fingerprint,
                                   encoding: file.encoding.rawValue, runID: runID, at: now()),
                        reader: &reader)
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id, status: .loaded(stats),
                                                    routing: file.routing, unknownColumns: file.unknownColumns))
                } catch let error as any SourceError {
                    // The file's transaction rolled back: none of its rows are in the store.
                    report.files.append(FileOutcome(file: file.display, connector: file.connector.id,
                                                    status: .failed(reason: error.description)))
                    logger.error("failed   \(file.display)",
                                 metadata: ["event": "failed", "file": "\(file.display)", "reason": "\(error.description)"])
                }
            }
            var refresh = FactRefresh(workspace: workspace, store: store, now: now(), recompute: recompute)
            refresh.score = score
            refresh.incremental = !fullRefresh
            report.refresh = try refresh.run(runID: runID, logger: logger)
        } catch {
            let message = (error as? PipelineError)?.message ?? "\(error)"
            try? store.finishRun(RunOutcome(
                runID: runID, finishedAt: now(), status: "failed", exitCode: 1, filesRead: report.filesRead,
                filesSkipped: report.filesSkipped, rowsLoaded: report.rowsLoaded,
                rowsQuarantined: report.rowsQuarantined, message: message))
            throw .failed(message + (report.filesRead > 0 ? "\n(\(report.filesRead) files loaded before the failure are kept; re-running skips them)" : ""))
        }
        do {
            let failed = !report.problems.isEmpty
            let status = report.filesFailed > 0 ? "files failed" : failed ? "streams failed" : "ok"
            try store.finishRun(RunOutcome(
                runID: runID, finishedAt: now(), status: status, exitCode: failed ? 1 : 0,
                filesRead: report.filesRead,
                filesSkipped: report.filesSkipped, rowsLoaded: report.rowsLoaded,
                rowsQuarantined: report.rowsQuarantined, factsWritten: report.refresh?.facts.written ?? 0,
                message: failed ? report.problems.joined(separator: "\n") : nil))
        } catch {
            throw .failed("store \(storeURL): \(error)")
        }
        return report
    }
}
