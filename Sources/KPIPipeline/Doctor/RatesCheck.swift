import KPIStore
import KPIWorkspace

/// The latest run had every exchange rate its money needed (a missing one holds back gmv and aov).
struct RatesCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("fx")] }
        guard let url = try? workspace.storeURL(override: context.storeOverride),
              let store = try? Workspace.openStore(url, access: .readOnly),
              let last = try? RunHistory.load(Pipeline(workspace: workspace, store: store, storeURL: url), limit: 1).runs.first else {
            return [.ok("fx", "\(workspace.fx.rates.count) rates in the fx table; nothing loaded yet to convert")]
        }
        guard last.status == "rates missing" else {
            return [.ok("fx", "run #\(last.id) had every rate its amounts needed")]
        }
        // The run's whole message: it ends with the rows to add.
        var message = last.message ?? ""
        let columns = StoreTable.runs.columns
        let id = columns.firstIndex(of: "id")!, text = columns.firstIndex(of: "message")!
        try? store.scan(.runs) { row in
            if row[id] == .integer(last.id), case .text(let full) = row[text] { message = full }
        }
        return [.problem("fx", "run #\(last.id) lacked rates: " + message.escapingControlCharacters(keepingNewlines: true),
                         fix: "add the rows above to the fx table with their rates filled in, then run again")]
    }
}
