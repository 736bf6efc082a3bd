import KPISchema
import KPIStore
import KPIWorkspace

/// Every scorecard line has data somewhere in the store. A line nothing feeds is NO_DATA on every card,
/// and under `missing_data: reweight` its weight silently moves to the other lines — a card scored on one
/// metric can reach grade S.
struct ScorecardDataCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("scorecards")] }
        guard let policy = workspace.scoring?.policy else {
            return [.ok("scorecards", Bilingual("no scorecards.yaml; nothing is scored", "没有 scorecards.yaml；不考核"))]
        }
        let notYet = DoctorFinding.ok("scorecards", Bilingual("nothing loaded yet; checked after the first run", "尚未加载数据；第一次运行后检查"))
        guard let url = try? workspace.storeURL(override: context.storeOverride),
              let store = try? Workspace.openStore(url, access: .readOnly) else {
            return [notYet]
        }
        var facts: Set<String> = [], criteria: Set<String> = []
        do {
            let metric = StoreTable.factMetric.columns.firstIndex(of: "metric")!, profile = StoreTable.factMetric.columns.firstIndex(of: "profile")!
            try store.scan(.factMetric) { row in
                if case .text(let m) = row[metric], case .text(let p) = row[profile] { facts.insert("\(m) \(p)") }
            }
            let ratings = StoreTable.flat(.manualRating)
            let criterion = ratings.columns.firstIndex(of: "criterion")!
            try store.scan(ratings) { row in if case .text(let c) = row[criterion] { criteria.insert(c) } }
        } catch {
            return [.problem("scorecards", Bilingual("store: \(error)", "存储：\(error)"), fix: nil)]
        }
        guard !facts.isEmpty else { return [notYet] }
        var unfed: [Bilingual] = []
        for (name, card) in policy.scorecards.sorted(by: { $0.key < $1.key }) {
            for line in card.lines {
                switch line.source {
                case .metric(let metric, let profile, _) where !facts.contains("\(metric.rawValue) \(profile)"):
                    unfed.append(Bilingual("\(name).\(metric.rawValue) (\(profile), weight \(line.weight))", "\(name).\(metric.rawValue)（\(profile)，权重 \(line.weight)）"))
                case .rating(let criterion) where !criteria.contains(criterion):
                    unfed.append(Bilingual("\(name).rating:\(criterion) (weight \(line.weight))", "\(name).rating:\(criterion)（权重 \(line.weight)）"))
                default: break
                }
            }
        }
        guard unfed.isEmpty else {
            let moves = policy.missingData == .reweight
                ? Bilingual("their weight moves to the other lines of each card (missing_data: reweight)", "其权重转给所在考核表的其他考核项（`missing_data: reweight`）")
                : Bilingual("they score 0 (missing_data: zero)", "它们记 0 分（`missing_data: zero`）")
            return [.problem("scorecards", Bilingual("no loaded data feeds ", "已加载的数据不能提供 ") + Bilingual.joined(unfed, en: ", ", zh: "、")
                                + Bilingual("; ", "；") + moves,
                             fix: Bilingual("load the exports that feed them (see README, Metrics), or remove those lines from \(workspace.scoringName)",
                                            "加载能提供它们的导出（见 README 的 Metrics 一节），或从 \(workspace.scoringName) 中删除这些考核项"))]
        }
        return [.ok("scorecards", Bilingual("every scorecard line has data in the store", "每张考核表的每个考核项在存储中都有数据"))]
    }
}
