import KPIStore
import KPIWorkspace

/// Every scorecard line has data somewhere in the store. A line nothing feeds is NO_DATA on every card,
/// and under `missing_data: reweight` its weight silently moves to the other lines — a card scored on one
/// metric can reach grade S.
struct ScorecardDataCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("scorecards")] }
        guard let policy = workspace.scoring?.policy else { return [.ok("scorecards", "no scorecards.yaml; nothing is scored")] }
        guard let url = try? workspace.storeURL(override: context.storeOverride),
              let store = try? Workspace.openStore(url, access: .readOnly) else {
            return [.ok("scorecards", "nothing loaded yet; checked after the first run")]
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
            return [.problem("scorecards", "\(error)", fix: nil)]
        }
        guard !facts.isEmpty else { return [.ok("scorecards", "nothing loaded yet; checked after the first run")] }
        var unfed: [String] = []
        for (name, card) in policy.scorecards.sorted(by: { $0.key < $1.key }) {
            for line in card.lines {
                switch line.source {
                case .metric(let metric, let profile, _) where !facts.contains("\(metric.rawValue) \(profile)"):
                    unfed.append("\(name).\(metric.rawValue) (\(profile), weight \(line.weight))")
                case .rating(let criterion) where !criteria.contains(criterion):
                    unfed.append("\(name).rating:\(criterion) (weight \(line.weight))")
                default: break
                }
            }
        }
        guard unfed.isEmpty else {
            let moves = policy.missingData == .reweight ? "their weight moves to the other lines of each card (missing_data: reweight)"
                : "they score 0 (missing_data: zero)"
            return [.problem("scorecards", "no loaded data feeds " + unfed.joined(separator: ", ") + "; " + moves,
                             fix: "load the exports that feed them (see README, Metrics), or remove those lines from \(workspace.scoringName)")]
        }
        return [.ok("scorecards", "every scorecard line has data in the store")]
    }
}
