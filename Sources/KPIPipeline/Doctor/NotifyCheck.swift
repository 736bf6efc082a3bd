import KPINotify
import KPISchema
import KPIWorkspace

/// Every `notify:` webhook's URL and secret can be read (sending is `kpibridge notify`'s job: doctor
/// posts nothing to a chat).
struct NotifyCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("notify")] }
        let webhooks = workspace.config.notify ?? []
        guard !webhooks.isEmpty else {
            return [.ok("notify", Bilingual("no `notify:` webhooks: failed runs and stale sources reach only cron's mail",
                                            "没有 `notify:` webhook：失败的运行和过期的数据源只会通过 cron 的邮件告知"))]
        }
        let problems = Notifications.problems(workspace)
        guard problems.isEmpty else {
            let notify = context.invocation.command("notify")
            return problems.map { .problem("notify", $0, fix: Bilingual("set the variable or write the file named, then `\(notify)` sends a test message",
                                                                                       "设置所指的环境变量或写好所指的文件，然后 `\(notify)` 会发送一条测试消息")) }
        }
        let names = webhooks.map { Bilingual("\($0.displayName) (\($0.platform.title)\($0.secret == nil ? "" : ", signed"))",
                                             "\($0.displayName)（\($0.platform.title)\($0.secret == nil ? "" : "，带签名")）") }
        let notify = context.invocation.command("notify")
        return [.ok("notify", Bilingual("\(webhooks.count) webhook\(webhooks.count == 1 ? "" : "s") readable: ", "\(webhooks.count) 个 webhook 可读：")
                    + Bilingual.joined(names, en: ", ", zh: "、")
                    + Bilingual("; `\(notify)` sends a test message", "；`\(notify)` 会发送一条测试消息"))]
    }
}
