import KPISchema
import KPIWorkspace

/// The workspace opens: kpibridge.yaml, definitions, scorecards, fx table and connectors all read.
struct WorkspaceCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        switch context.workspace {
        case .success(let workspace):
            let sources = workspace.config.sources.count, profiles = workspace.definitions.definitions.names.count
            let cards = workspace.scoring?.policy.scorecards.count
            return [.ok("workspace", Bilingual("\(sources) sources, \(profiles) definition profiles, " + (cards.map { "\($0) scorecards" } ?? "no scorecards.yaml"),
                                               "\(sources) 个数据源，\(profiles) 个口径，" + (cards.map { "\($0) 张考核表" } ?? "没有 scorecards.yaml")))]
        case .failure(let error):
            let message = Bilingual(error.sentence.en.escapingControlCharacters(keepingNewlines: true),
                                    error.sentence.zh.escapingControlCharacters(keepingNewlines: true))
            let validate = context.invocation.command("validate")
            return [.problem("workspace", message,
                             fix: Bilingual("correct the file and line named (`\(validate)` checks again)", "修正所指的文件和行（`\(validate)` 会再检查一遍）"))]
        }
    }
}
