import Foundation
import KPIStore
import KPIWorkspace

/// The store opens read-only with the current schema, and its latest run finished.
struct StoreCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [Self.notChecked("store")] }
        let url: StoreURL
        do { url = try workspace.storeURL(override: context.storeOverride) } catch {
            return [.problem("store", error.message, fix: "correct `store:` in kpibridge.yaml or --store")]
        }
        if case .sqlite(let path) = url, !FileManager.default.fileExists(atPath: path) {
            return [.ok("store \(url)", "not created yet; the first `\(context.invocation.command("run"))` creates it")]
        }
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(workspace: workspace, store: Workspace.openStore(url, access: .readOnly), storeURL: url)
        } catch {
            return [.problem("store \(url)", error.message.escapingControlCharacters(keepingNewlines: true),
                             fix: "a store from an older kpibridge is upgraded by the next `\(context.invocation.command("run"))`; "
                                + "for PostgreSQL check the server, the role's password (PGPASSWORD or ~/.pgpass) and sslmode")]
        }
        do {
            guard let last = try RunHistory.load(pipeline, limit: 1).runs.first else {
                return [.ok("store \(url)", "opens with the current schema; no runs yet")]
            }
            let detail = "opens with the current schema; last run #\(last.id) (\(last.command)) \(last.startedAt): \(last.status)"
            if ["ok", "running", "stale sources", "rates missing"].contains(last.status) { return [.ok("store \(url)", detail)] }
            return [.problem("store \(url)", detail + (last.message.map { ": " + $0.escapingControlCharacters() } ?? ""),
                             fix: "`\(context.invocation.command("status"))` shows the runs; fix what the message names and run again")]
        } catch {
            return [.problem("store \(url)", error.message, fix: nil)]
        }
    }

    static func notChecked(_ check: String) -> DoctorFinding {
        .problem(check, "not checked: the workspace does not open", fix: "fix the workspace problem above first")
    }
}
