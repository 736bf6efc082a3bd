import KPIConnectors
import KPISchema
import KPIWorkspace

/// Each source has something to load: a file in its folder, or files it loaded before. A source that has
/// neither is a folder nobody fills, and its metrics are silently missing from every report.
struct SourceFilesCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("sources")] }
        let present: [LoadInput]
        do { present = try Inbox(workspace: workspace).files().inputs } catch {
            return [.problem("sources", error.sentence, fix: nil)]
        }
        var loaded: [String] = []
        var retracted: Set<String> = []
        if let url = try? workspace.storeURL(override: context.storeOverride),
           let store = try? Workspace.openStore(url, access: .readOnly) {
            loaded = ((try? store.loadedFiles()) ?? []).map(\.file)
            // A file whose bytes were retracted stays in place but never loads: it feeds nothing.
            for input in present {
                if let sha = try? FileFingerprint.compute(path: input.path).sha256, (try? store.ledgerEntry(sha256: sha))??.retracted == true {
                    retracted.insert(input.path)
                }
            }
        }
        return workspace.config.sources.map { source in
            let name = "source \(source.files) [\(source.connector)]"
            let waiting = present.filter { $0.source == source && !retracted.contains($0.path) }.count
            let before = loaded.filter { Glob.matches(source.files, $0) }.count
            if waiting + before > 0 {
                return .ok(name, Bilingual("\(waiting) file\(waiting == 1 ? "" : "s") in place, \(before) loaded", "收件箱中有 \(waiting) 个文件，已加载 \(before) 个"))
            }
            let title = (try? workspace.connector(source.connector)).map(\.titles) ?? Bilingual(source.connector, source.connector)
            return .problem(name, Bilingual("no file to load and none loaded (retracted files do not count): its metrics are missing from every report",
                                            "没有待加载的文件，也没有已加载的（撤回的文件不算）：它的指标在所有报告中缺失"),
                            fix: Bilingual("put the \(title.en) where `\(source.files)` finds it, or remove the source",
                                           "把 \(title.zh) 放到 `\(source.files)` 能找到的位置，或删除这个数据源"))
        }
    }
}
