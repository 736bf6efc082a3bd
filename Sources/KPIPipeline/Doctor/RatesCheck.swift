import KPISchema
import KPIStore
import KPIWorkspace

/// The latest run had every exchange rate its money needed (a missing one holds back gmv and aov).
struct RatesCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("fx")] }
        guard let url = try? workspace.storeURL(override: context.storeOverride),
              let store = try? Workspace.openStore(url, access: .readOnly),
              let last = try? RunHistory.load(Pipeline(workspace: workspace, store: store, storeURL: url), limit: 1).runs.first else {
            let count = workspace.fx.rates.count
            return [.ok("fx", Bilingual("\(count) rates in the fx table; nothing loaded yet to convert", "汇率表中有 \(count) 条汇率；尚未加载需要换算的数据"))]
        }
        guard last.status == "rates missing" else {
            return [.ok("fx", Bilingual("run #\(last.id) had every rate its amounts needed", "运行 #\(last.id) 所需的汇率齐全"))]
        }
        // The run's whole message: it ends with the rows to add.
        var message = last.message ?? .empty
        let columns = StoreTable.runs.columns
        let id = columns.firstIndex(of: "id")!, en = columns.firstIndex(of: "message")!, zh = columns.firstIndex(of: "message_zh")!
        try? store.scan(.runs) { row in
            guard row[id] == .integer(last.id), case .text(let full) = row[en] else { return }
            // A run from before store schema v22 has no Chinese message.
            if case .text(let chinese) = row[zh] { message = Bilingual(full, chinese) } else { message = Bilingual(full, full) }
        }
        let lacked = Bilingual(message.en.escapingControlCharacters(keepingNewlines: true), message.zh.escapingControlCharacters(keepingNewlines: true))
        return [.problem("fx", Bilingual("run #\(last.id) lacked rates: " + lacked.en, "运行 #\(last.id) 缺少汇率：" + lacked.zh),
                         fix: Bilingual("add the rows above to the fx table with their rates filled in, then run again", "把上面的行填好汇率加入汇率表，然后再运行"))]
    }
}
