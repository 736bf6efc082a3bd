import KPIFacts
import KPISchema
import KPIScoring
import KPIWorkspace

extension TraceJob {
    /// The fact a scorecard line reads for a person in `period`: the line's metric and profile, at its scope
    /// (the person, their team that period, or the company). `line` is the line's name or its metric.
    package func target(employee id: String, line name: String, period: Period) throws(PipelineError) -> FactTarget {
        let workspace = pipeline.workspace
        guard let policy = workspace.scoring?.policy else {
            throw .failed(Bilingual("this workspace has no \(workspace.scoringName): there are no score lines to explain",
                                    "此工作区没有 \(workspace.scoringName)：没有可说明的考核项"))
        }
        let roster: Roster
        do { roster = Roster(try ScoreRefresh.roster(pipeline.store)) } catch { throw .failed(Bilingual(describing: error)) }
        guard let person = roster.people(in: period).first(where: { $0.id == id }) else {
            throw .failed(Bilingual("`\(id)` is not on the roster in \(period.label)", "`\(id)` 在 \(period.label) 不在花名册上"))
        }
        guard let card = policy.scorecard(for: person.role) else {
            throw .failed(Bilingual("`\(id)` has role `\(person.role)`, which no scorecard covers",
                                    "`\(id)` 的岗位 `\(person.role)` 没有考核表"))
        }
        let lines = card.lines.filter { line in
            if line.name == name { return true }
            switch line.source {
            case .metric(let metric, _, _): return metric.rawValue == name
            case .rating(let criterion): return criterion == name
            }
        }
        let names = card.lines.map(\.name)
        guard let line = lines.first else {
            throw .failed(Bilingual("scorecard `\(card.name)` has no line `\(name)` (lines: \(names.joined(separator: ", ")))",
                                    "考核表 `\(card.name)` 中没有考核项 `\(name)`（已有：\(names.joined(separator: "、"))）"))
        }
        guard case .metric(let metric, let profile, let scope) = line.source else {
            throw .failed(Bilingual("`\(line.name)` is a supervisor's rating, not a metric: `explain --employee \(id)` shows it and its source",
                                    "`\(line.name)` 是主管评分，不是指标：`explain --employee \(id)` 会显示它及其来源"))
        }
        switch scope {
        case .employee:
            return FactTarget(metric: metric, profile: profile, period: period, scopeType: Scorer.scope(of: person), scopeID: person.id)
        case .company:
            return FactTarget(metric: metric, profile: profile, period: period, scopeType: .company, scopeID: "all")
        case .team:
            guard let team = person.team else {
                throw .failed(Bilingual("`\(line.name)` is a team line and `\(id)` has no team on the roster in \(period.label)",
                                        "`\(line.name)` 是团队考核项，而 `\(id)` 在 \(period.label) 的花名册上没有团队"))
            }
            return FactTarget(metric: metric, profile: profile, period: period, scopeType: .team, scopeID: team)
        }
    }
}
