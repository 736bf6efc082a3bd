import Foundation
import KPISchema
import KPIStore
import KPIWorkspace

/// The store opens read-only with the current schema, and its latest run finished.
struct StoreCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [Self.notChecked("store")] }
        let url: StoreURL
        do { url = try workspace.storeURL(override: context.storeOverride) } catch {
            return [.problem("store", error.sentence,
                             fix: Bilingual("correct `store:` in kpibridge.yaml or --store", "修正 kpibridge.yaml 中的 `store:` 或 --store"))]
        }
        if case .sqlite(let path) = url, !FileManager.default.fileExists(atPath: path) {
            let run = context.invocation.command("run")
            return [.ok("store \(url)", Bilingual("not created yet; the first `\(run)` creates it", "尚未创建；第一次 `\(run)` 会创建它"))]
        }
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(workspace: workspace, store: Workspace.openStore(url, access: .readOnly), storeURL: url)
        } catch {
            let message = Bilingual(error.sentence.en.escapingControlCharacters(keepingNewlines: true),
                                    error.sentence.zh.escapingControlCharacters(keepingNewlines: true))
            let run = context.invocation.command("run")
            return [.problem("store \(url)", message,
                             fix: Bilingual("a store from an older kpibridge is upgraded by the next `\(run)`; "
                                                + "for PostgreSQL check the server, the role's password (PGPASSWORD or ~/.pgpass) and sslmode",
                                            "旧版 kpibridge 的存储会在下一次 `\(run)` 时升级；PostgreSQL 请检查服务器、角色密码（PGPASSWORD 或 ~/.pgpass）和 sslmode"))]
        }
        do {
            guard let last = try RunHistory.load(pipeline, limit: 1).runs.first else {
                return [.ok("store \(url)", Bilingual("opens with the current schema; no runs yet", "可以打开，库结构为最新版本；还没有运行记录"))]
            }
            let detail = Bilingual("opens with the current schema; last run #\(last.id) (\(last.command)) \(last.startedAt): \(last.status)",
                                   "可以打开，库结构为最新版本；最近一次运行 #\(last.id)（\(last.command)）\(last.startedAt)：\(DisplayNames.runStatus(last.status, .zh))")
            if ["ok", "running", "stale sources", "rates missing"].contains(last.status) { return [.ok("store \(url)", detail)] }
            let message = last.message.map { Bilingual($0.en.escapingControlCharacters(), $0.zh.escapingControlCharacters()) }
            let status = context.invocation.command("status")
            return [.problem("store \(url)", detail + (message.map { Bilingual(": " + $0.en, "：" + $0.zh) } ?? .empty),
                             fix: Bilingual("`\(status)` shows the runs; fix what the message names and run again", "`\(status)` 列出运行记录；修正消息所指的问题后再运行"))]
        } catch {
            return [.problem("store \(url)", error.sentence, fix: nil)]
        }
    }

    static func notChecked(_ check: String) -> DoctorFinding {
        .problem(check, Bilingual("not checked: the workspace does not open", "未检查：工作区打不开"),
                 fix: Bilingual("fix the workspace problem above first", "先修正上面的工作区问题"))
    }
}
