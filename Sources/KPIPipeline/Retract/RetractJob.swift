import Foundation
import KPIConnectors
import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge retract FILE`: the way out of a wrong upload. Reads the file once more to learn every key
/// it wrote, removes the rows stored under those keys (with the file's quarantined rows and ledger entry),
/// puts them back from the other loaded files, and recomputes every period — so the store ends as if the
/// file had never been loaded. The file's bytes are remembered as retracted and never load again.
///
/// Restoring needs the inputs as they were loaded: a retract refuses, changing nothing, when the file or
/// another loaded file that could hold the same kinds of records is gone or changed, when one was loaded
/// by `import` (whose command-line settings are not recorded), or when two versions share the file's name.
package struct RetractJob {
    package let pipeline: Pipeline
    /// The file as the run summary names it (`inbox/amazon/x.txt`, relative to the workspace), or an
    /// absolute path to it.
    package var file: String

    package init(pipeline: Pipeline, file: String) {
        self.pipeline = pipeline
        self.file = file
    }

    private var workspace: Workspace { pipeline.workspace }

    package func run() throws(PipelineError) -> RunReport {
        if let problems = workspace.scoring?.problems, !problems.isEmpty {
            throw .failed(Bilingual.joined(problems, en: "\n", zh: "\n")
                          + Bilingual("\n(\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(workspace.scoringName); nothing was retracted)",
                                      "\n（\(workspace.scoringName) 中有 \(problems.count) 个问题；未撤回任何内容）"))
        }
        let claim = try pipeline.claim("retract")
        defer { withExtendedLifetime(claim.lease) {} }
        let loaded = try pipeline.storeCall { try pipeline.store.loadedFiles() }
        // As the summary names it (relative to the workspace), else a path from here (absolute or relative).
        let display = loaded.contains { $0.file == file } ? file : workspace.paths.display(URL(fileURLWithPath: file).path)
        let entry = try target(display, among: loaded)
        let commands = try runCommands()
        var planner = LoadPlanner(pipeline: pipeline)
        planner.replaying = true
        guard let own = try plan(entry, planner) else {
            throw .failed(Bilingual("cannot retract \(display): it is not where it was loaded from with the same bytes, and retract reads it to "
                                    + "learn every record it wrote. Put it back as it was loaded and retract again; nothing was changed",
                                    "无法撤回 \(display)：它已不在加载时的位置，或内容已不同，而撤回需要重新读取它才能知道它写入的每条记录。"
                                    + "请把它按加载时的原样放回，再撤回一次；未做任何改动"))
        }
        if commands[entry.runID]?.hasPrefix("import") == true {
            throw .failed(Bilingual("cannot retract \(display): it was loaded by `import` (run #\(entry.runID)), whose --shop, --currency and "
                                    + "like settings are not recorded, so its records cannot be told apart safely; nothing was changed",
                                    "无法撤回 \(display)：它是由 `import`（运行 #\(entry.runID)）加载的，其 --shop、--currency 等设置没有记录，"
                                    + "因此无法安全地区分它的记录；未做任何改动"))
        }
        // Resolved (and checked against the store's keys) now: the files are read again inside the store's transaction.
        let salt = try pipeline.customerSalt()
        var emitted = try open(own, runID: entry.runID, salt: salt)
        let held = try pipeline.storeCall { try pipeline.store.retractHeld(file: display, emitted: &emitted) }
        let replay = try replays(loaded.filter { $0.sha256 != entry.sha256 }, touching: held.tables, planner: planner, commands: commands,
                                 salt: salt)

        let runID = try pipeline.storeCall { try pipeline.store.beginRun(command: "retract \(display)", at: pipeline.now()) }
        var report = RunReport(runID: runID, command: "retract \(display)", store: pipeline.storeURL.description)
        report.invocation = pipeline.invocation
        report.lockNote = claim.note
        do {
            report.retraction = try pipeline.store.retract(entry, held: held, replay: replay, runID: runID, at: pipeline.now())
            report.tracking = try pipeline.store.attachTrackingEvents(runID: runID)
            var refresh = FactRefresh(workspace: workspace, store: pipeline.store, now: pipeline.now(), recompute: nil)
            refresh.invocation = pipeline.invocation
            refresh.incremental = false
            refresh.fullRefreshReason = Bilingual("a file was retracted", "有文件被撤回")
            report.refresh = try refresh.run(runID: runID, logger: pipeline.logger)
            try pipeline.store.finishRun(RunOutcome(
                runID: runID, finishedAt: pipeline.now(), status: report.status,
                exitCode: Int(report.exitCode), factsWritten: report.refresh?.facts.written ?? 0,
                message: report.problems.isEmpty ? nil
                    : Bilingual(report.problems.joined(separator: "\n"), report.problemsZh.joined(separator: "\n"))))
        } catch {
            let message = (error as? PipelineError)?.sentence
                ?? Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)")
            try? pipeline.store.finishRun(RunOutcome(runID: runID, finishedAt: pipeline.now(), status: "failed", exitCode: 1, message: message))
            throw .failed(message + (report.retraction == nil ? Bilingual.empty
                                     : Bilingual("\n(the file's records are removed; the next run recomputes every period)",
                                                 "\n（该文件的记录已移除；下次运行会重新计算全部周期）")))
        }
        return report
    }

    /// The one ledger entry named `display`.
    private func target(_ display: String, among loaded: [LedgerEntry]) throws(PipelineError) -> LedgerEntry {
        let named = loaded.filter { $0.file == display }
        guard let first = named.first else {
            let export = pipeline.invocation.command("export", "--table", "load_ledger")
            throw .usage(Bilingual("\(file) is not a loaded file (never loaded, or already retracted); "
                                   + "`\(export)` lists the loaded files by name",
                                   "\(file) 不是已加载的文件（从未加载过，或已被撤回）；`\(export)` 会按名称列出已加载的文件"))
        }
        guard named.count == 1 else {
            let runs = named.map { "#\($0.runID)" }
            throw .failed(Bilingual("cannot retract \(display): \(named.count) different versions were loaded under that name (runs "
                                    + runs.joined(separator: ", ") + "), and records name the file, not the version, "
                                    + "so a retract cannot tell them apart; nothing was changed",
                                    "无法撤回 \(display)：这个名称下加载过 \(named.count) 个不同版本（运行 " + runs.joined(separator: "、")
                                    + "），而记录只写文件名、不写版本，撤回无法区分它们；未做任何改动"))
        }
        return first
    }

    /// Each run's command, to tell files `import` loaded (with settings the ledger does not record).
    private func runCommands() throws(PipelineError) -> [Int64: String] {
        var commands: [Int64: String] = [:]
        let columns = StoreTable.runs.columns
        let id = columns.firstIndex(of: "id")!, command = columns.firstIndex(of: "command")!
        try pipeline.storeCall {
            try pipeline.store.scan(.runs) { values in
                if case .integer(let run) = values[id], case .text(let text) = values[command] { commands[run] = text }
            }
        }
        return commands
    }

    /// Where a ledger name is on disk: inside the workspace unless the ledger recorded an absolute path.
    private func location(of display: String) -> String {
        display.hasPrefix("/") ? display : (workspace.paths.root as NSString).appendingPathComponent(display)
    }

    /// `entry` planned as it loads (connector, source settings, shop), or nil when it is not on disk with the
    /// same bytes or cannot be planned.
    private func plan(_ entry: LedgerEntry, _ planner: LoadPlanner) throws(PipelineError) -> PlannedFile? {
        let path = location(of: entry.file)
        guard (try? FileFingerprint.compute(path: path).sha256) == entry.sha256,
              let connector = try? workspace.connector(entry.connector) else { return nil }
        let source = workspace.source(for: entry.file).flatMap { $0.connector == entry.connector ? $0 : nil }
        guard let planned = try planner.plan([(path, connector, source)]).first, planned.failure == nil, planned.skipReason == nil else {
            return nil
        }
        return planned
    }

    /// Opens a planned file guarded like a load: it fails rather than read bytes that changed since planning.
    private func open(_ planned: PlannedFile, runID: Int64, salt: CustomerSalt?) throws(PipelineError) -> any RecordReader {
        // Put back as a load would have written them: buyers keyed under the same salt.
        var context = planned.context(runID: runID)
        context.customerSalt = salt
        do {
            let reader = try planned.connector.open(path: planned.path, context: context)
            return UnchangedFileGuard(base: reader, path: planned.path, file: planned.display, expected: planned.fingerprint)
        } catch {
            throw .failed(Bilingual("cannot read \(planned.display): \(error)", "无法读取 \(planned.display)：\(Bilingual(describing: error).zh)"))
        }
    }

    /// Every other loaded file that is on disk as loaded, in load order, to put back the held keys. One that
    /// could hold records of the touched tables but is gone, changed, unreadable or was loaded by `import`
    /// stops the retract: what the retracted file replaced could not be restored.
    private func replays(_ others: [LedgerEntry], touching tables: Set<String>, planner: LoadPlanner,
                         commands: [Int64: String], salt: CustomerSalt?) throws(PipelineError) -> [RetractReplay] {
        guard !tables.isEmpty else { return [] }
        var replays: [RetractReplay] = []
        var missing: [String] = []
        // Every file on disk is read (the replay passes on only the held keys); only a missing one that could
        // have written a touched table stops the retract.
        for entry in others {
            let overlaps = !Self.tables(written: entry.connector, catalog: workspace.catalog).isDisjoint(with: tables)
            guard let planned = try plan(entry, planner), commands[entry.runID]?.hasPrefix("import") != true else {
                if overlaps { missing.append(entry.file) }
                continue
            }
            let file = FileToLoad(path: entry.file, connector: entry.connector, fingerprint: planned.fingerprint,
                                  encoding: planned.encoding.rawValue, runID: entry.runID,
                                  at: Instant(iso8601: entry.loadedAt) ?? pipeline.now())
            let opened = { [self] () throws -> any RecordReader in try open(planned, runID: entry.runID, salt: salt) }
            replays.append(RetractReplay(file: file, open: opened))
        }
        guard missing.isEmpty else {
            throw .failed(Bilingual("cannot retract: restoring what it replaced needs these loaded files as they were loaded, and they are "
                                    + "gone, changed, unreadable or were loaded by `import`: " + missing.joined(separator: ", ")
                                    + ". Put them back (the same bytes) and retract again; nothing was changed",
                                    "无法撤回：要恢复被它替换的内容，需要以下已加载文件保持加载时的原样，但它们已不在、已改动、无法读取，"
                                    + "或是由 `import` 加载的：" + missing.joined(separator: ", ")
                                    + "。请把它们原样放回（内容相同）后再撤回；未做任何改动"))
        }
        return replays
    }

    /// The record tables a connector's files can write, derived rows included: order-keyed rows write
    /// tracking links and same-order links, carrier scans write the fulfillment events attached from them.
    /// Every table when the connector is unknown.
    static func tables(written connector: String, catalog: ConnectorCatalog) -> Set<String> {
        guard let spec = (catalog.connectors[connector] as? SpecConnector)?.compiled.spec else { return RetractTables.all }
        var tables = Set(spec.records.kinds.compactMap(RetractTables.table(ofKind:)))
        if spec.records.hasOrderRecords { tables.formUnion([FlatKind.trackingLink.schema.table, FlatKind.orderTwin.schema.table]) }
        if tables.contains(FlatKind.trackingEvent.schema.table) { tables.insert(StoreTable.fulfillmentEvents.name) }
        return tables
    }
}

/// Record kinds and the tables they are stored in.
enum RetractTables {
    static let orderKinds = ["order": StoreTable.orders.name, "order_line": StoreTable.orderLines.name,
                             "fulfillment_event": StoreTable.fulfillmentEvents.name, "refund": StoreTable.refunds.name,
                             "return": StoreTable.returns.name]

    static func table(ofKind kind: String) -> String? {
        orderKinds[kind] ?? FlatKind(rawValue: kind)?.schema.table
    }

    static let all = Set(orderKinds.values).union(FlatKind.allCases.map(\.schema.table))
}

extension Pipeline {
    /// Runs ``RetractJob`` for `file`.
    package func retract(_ file: String) throws(PipelineError) -> RunReport {
        try RetractJob(pipeline: self, file: file).run()
    }
}
