import KPIWorkspace

/// The workspace opens: kpibridge.yaml, definitions, scorecards, fx table and connectors all read.
struct WorkspaceCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        switch context.workspace {
        case .success(let workspace):
            let cards = workspace.scoring.map { "\($0.policy.scorecards.count) scorecards" } ?? "no scorecards.yaml"
            return [.ok("workspace", "\(workspace.config.sources.count) sources, \(workspace.definitions.definitions.names.count) "
                        + "definition profiles, \(cards)")]
        case .failure(let error):
            return [.problem("workspace", error.message.escapingControlCharacters(keepingNewlines: true),
                             fix: "correct the file and line named (`\(context.invocation.command("validate"))` checks again)")]
        }
    }
}
