import KPINotify
import KPIWorkspace

/// Every `notify:` webhook's URL and secret can be read (sending is `kpibridge notify`'s job: doctor
/// posts nothing to a chat).
struct NotifyCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("notify")] }
        let webhooks = workspace.config.notify ?? []
        guard !webhooks.isEmpty else {
            return [.ok("notify", "no `notify:` webhooks: failed runs and stale sources reach only cron's mail")]
        }
        let problems = Notifications.problems(workspace)
        guard problems.isEmpty else {
            return problems.map { .problem("notify", $0, fix: "set the variable or write the file named, then `\(context.invocation.command("notify"))` sends a test message") }
        }
        let names = webhooks.map { "\($0.displayName) (\($0.platform.title)\($0.secret == nil ? "" : ", signed"))" }
        return [.ok("notify", "\(webhooks.count) webhook\(webhooks.count == 1 ? "" : "s") readable: " + names.joined(separator: ", ")
                    + "; `\(context.invocation.command("notify"))` sends a test message")]
    }
}
