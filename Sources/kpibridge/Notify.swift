import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Send a test message to every notify: webhook, to check its URL, secret and signature.",
                                "向 `notify:` 下的每个 webhook 发送一条测试消息，检查其 URL、密钥和签名。"),
            discussion: Help.pick("""
                Runs and schedules tell the webhooks under `notify:` in kpibridge.yaml about failed runs, \
                stale sources, pacing alerts and reports (each webhook the events in its `on:`). This sends \
                one test message to each, whatever its `on:`, and prints which took it; exit 1 when one did \
                not (a wrong secret, a removed bot, an unset variable). Opens no store.
                """, """
                运行和调度计划会把运行失败、数据源过期、进度预警和报告通知给 kpibridge.yaml
                中 `notify:` 下的 webhook（每个 webhook 只收其 `on:` 中列出的事件）。
                本命令不管 `on:` 怎么写，都向每个 webhook 发送一条测试消息，
                并列出哪些收到了；有任何一个没收到时退出码为 1（密钥错误、机器人已被移除、
                变量未设置等）。不打开存储。
                """, examples: """
                kpibridge notify --workspace ~/kpi
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let workspace = try options.openWorkspace()
            let deliveries = try Notifications(workspace: workspace, logger: options.logger).test()
            for line in RunReport.deliveryLines(deliveries, language: language.language) { try StandardOutput.line(line) }
            if deliveries.contains(where: { $0.failure != nil }) { throw ExitCode(PipelineError.Kind.failed.rawValue) }
        }
    }
}
