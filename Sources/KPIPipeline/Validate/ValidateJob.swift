import KPIConnectors
import KPISchema
import KPIScoring
import KPIWorkspace

/// `kpibridge validate`: configuration problems a run would meet, found before the run.
package struct ValidateJob {
    package let pipeline: Pipeline

    package init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    /// Every problem that would stop or skew scoring, each naming its file and key or line:
    /// the scorecards file's content, and roster people whose role has no scorecard (from the
    /// store and from roster files still waiting in the inbox). In both languages: `validate` prints the
    /// reader's, `--format json` the English.
    package func run() throws(PipelineError) -> [Bilingual] {
        let workspace = pipeline.workspace
        var problems = (workspace.scoring?.problems ?? []) + StreamPulls(pipeline: pipeline).problems() + Notifications.problems(workspace)
        // The salt a run would look for: a missing one stops every load.
        do { _ = try workspace.customerSalt() } catch { problems.append(error.sentence) }
        guard let policy = workspace.scoring?.policy else { return problems }
        let roster = try self.roster()
        // A role mapped to a scorecard that is not defined is the scorecards file's problem, reported there.
        var named: Set<String> = []
        for employee in roster.tenures.map(\.employee)
        where policy.scorecard(for: employee.role) == nil && policy.roles[employee.role] == nil
            && named.insert("\(employee.id)\t\(employee.role)").inserted {
            let at = employee.lineage.map { "\($0.file):\($0.line)" }
            let hint = StrictMapping.hint(employee.role, among: Array(policy.roles.keys))
            problems.append(Bilingual(
                "\(at ?? "roster"): employee \(employee.id) (\(employee.name)) has role `\(employee.role)`, which no scorecard covers; "
                    + "map it under `roles:` in \(workspace.scoringName)" + hint.en,
                "\(at ?? "花名册")：员工 \(employee.id)（\(employee.name)）的岗位是 `\(employee.role)`，没有考核表覆盖这个岗位；"
                    + "请在 \(workspace.scoringName) 的 `roles:` 下为它指定考核表" + hint.zh))
        }
        problems += policy.targetSheet?.problems(roster: roster.latest, policy: policy) ?? []
        return problems
    }
}

extension ValidateJob {
    /// The roster a run would use: the store's rows and those of roster files waiting in the inbox (which
    /// replace the store's row of the same person and date).
    func roster() throws(PipelineError) -> Roster {
        var rows: [String: Employee] = [:]
        func key(_ e: Employee) -> String { "\(e.id)\t\(e.asOf?.description ?? "")" }
        do {
            for employee in try ScoreRefresh.roster(pipeline.store) { rows[key(employee)] = employee }
            for file in try pipeline.planInbox() where file.connector.id == "team.roster" && file.failure == nil {
                var reader = try file.connector.open(path: file.path, context: file.context(runID: 0))
                var sink = CollectingSink()
                _ = try reader.read(into: &sink)
                for case .flat(let record) in sink.records { if let e = Employee(record) { rows[key(e)] = e } }
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual(describing: error))
        }
        return Roster(Array(rows.values))
    }

    /// Advice that does not fail validation: a card with more KPI lines than a role can focus on, a veto kind
    /// nothing writes, a person a dated roster drops without a leave date, and the sample's salt in use.
    package var warnings: [String] { warnings(.en) }

    /// The warnings in `language`.
    package func warnings(_ language: DisplayLanguage) -> [String] {
        // A roster that cannot be read is `run()`'s problem to report.
        let gaps = (try? roster()).map(RosterGaps.warnings) ?? []
        var warnings = ((pipeline.workspace.scoring?.warnings ?? []) + VetoKinds.warnings(pipeline.workspace) + gaps).map { $0(language) }
        if let salt = (try? pipeline.workspace.customerSalt()) ?? nil, CustomerKey.tag(of: salt) == Self.sampleSaltTag {
            let tag = Self.sampleSaltTag
            warnings.append(language.pick(
                "\(Workspace.configFile): customers.salt is the sample workspace's published salt (tag \(tag)); "
                    + "anyone holding a buyer's e-mail can rebuild their key with it. Fine for the sample; for your own "
                    + "data make one (`openssl rand -hex 32`) before the first load, since a store keeps the salt it began with",
                "\(Workspace.configFile)：customers.salt 是示例工作区公开的盐值（标签 \(tag)）；知道买家邮箱的人都能用它还原买家键。"
                    + "示例可以这样用；自己的数据请在第一次加载前生成一个（`openssl rand -hex 32`），因为存储会一直沿用开始时的盐值"))
        }
        return warnings
    }

    /// The tag of `samples/workspace/secrets/customer_salt`, which the repository publishes.
    static let sampleSaltTag = "c7f78dc8"
}

extension Pipeline {
    /// Runs ``ValidateJob`` on this workspace and store: every problem, in both languages.
    package func validate() throws(PipelineError) -> [Bilingual] {
        try ValidateJob(pipeline: self).run()
    }
}
