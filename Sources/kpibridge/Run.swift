import ArgumentParser
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Import every new export in the workspace inbox and refresh the fact tables.",
                                "导入工作区收件箱中所有新的导出文件，并刷新事实表。"),
            discussion: Help.pick("""
                Files already loaded (same SHA-256) are skipped, so running again changes nothing. A row with an \
                unreadable value is quarantined with file:line:column and the run still succeeds. A file no \
                source in kpibridge.yaml names is routed to the connector whose columns fit its header. A file \
                that cannot be read (a required column missing, a damaged workbook, truncated JSON) is not \
                loaded at all; the other files are, and the run exits 1.

                The workspace's `streams:` (Shopify, TikTok Shop, SP-API reports) are pulled first and what \
                they return loads with the inbox; each stream's cursor is saved only after that load. A \
                stream that fails keeps its cursor (the next run asks again) and the run exits 1. \
                `kpibridge state show` prints where each stream stands.

                Closed periods (whose last day has passed) keep the definition version their facts were computed \
                with, even after definitions.yaml changes; --recompute rewrites the periods overlapping the given \
                dates with the version now in force and lists the rows that changed (also in table fact_changes).

                Only the periods that new or changed records fall in are recomputed (a re-sent export with the \
                same rows changes nothing); every period is when definitions.yaml, the exchange rates or the \
                roster change, or with --full-refresh.
                """, """
                已加载过的文件（`SHA-256` 相同）会被跳过，所以再次运行不会改变任何东西。
                含有无法读取的值的行会被隔离，并注明文件、行号和列号，运行仍然成功。
                kpibridge.yaml 中没有任何数据源指定的文件，会交给列与其表头吻合的连接器。
                无法读取的文件（缺少必需的列、工作簿损坏、JSON 被截断）完全不加载；
                其他文件照常加载，运行以退出码 1 结束。

                工作区的 `streams:`（Shopify、TikTok Shop、`SP-API` 报告）会先拉取，
                拉到的数据与收件箱一起加载；每个数据流的游标在这次加载完成后才保存。
                失败的数据流保留原游标（下次运行重新请求），运行以退出码 1 结束。
                `kpibridge state show` 可查看每个数据流的进度。

                已结账的周期（最后一天已过）保留计算其事实时所用的口径版本，即使之后
                definitions.yaml 有改动；--recompute 用现行口径重写与给定日期重叠的周期，
                并列出有变化的行（也写入 fact_changes 表）。

                只有新增或变更记录所在的周期会重新计算（重新送来、
                行完全相同的导出文件不会改变任何东西）；definitions.yaml、
                汇率或花名册有变化时，或加 --full-refresh（全量重算）时，重新计算全部周期。
                """, examples: """
                kpibridge run --workspace samples/workspace
                kpibridge run --workspace ~/kpi --store sqlite:/var/lib/kpibridge/warehouse.sqlite
                kpibridge run --workspace ~/kpi --recompute 2026-10-01..2026-10-31
                kpibridge run --workspace samples/workspace --schedules schedules --schedule nightly
                kpibridge run --workspace samples/workspace --select amazon.all_orders,shopify.orders
                kpibridge run --workspace samples/workspace --lang zh
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: .pick("Rewrite periods overlapping these dates with the definitions now in force: 2026-10, 2026-10-31 or 2026-09-01..2026-10-31.",
                            "用现行口径重写与这些日期重叠的周期：2026-10、2026-10-31 或 2026-09-01..2026-10-31。",
                            valueName: "FROM..TO"))
        var recompute: String?

        @Option(help: .pick("Run the schedule of this name (its sources, recompute and stages) from --schedules.",
                            "运行 --schedules 文件夹中这个名字的调度计划（用它的数据源、重算设置和阶段）。"))
        var schedule: String?

        @Flag(help: .pick("Recompute every period from every record instead of only those new or changed records touch.",
                          "用全部记录重新计算全部周期（全量重算），而不只是新增或变更记录涉及的周期。"))
        var fullRefresh = false

        @OptionGroup var schedules: ScheduleOptions

        @Option(help: .pick("Load only the files and streams of these connectors (comma-separated); the rest wait for the next run.",
                            "只加载这些连接器（用逗号分隔）的文件和数据流；其余留待下次运行。",
                            valueName: "CONNECTOR,…"))
        var select: String?

        func validate() throws {
            if fullRefresh && schedule != nil {
                throw ValidationError(Help.pick("--full-refresh and --schedule do not go together: run the schedule, then `kpibridge run --full-refresh`",
                                                "--full-refresh 不能与 --schedule 同时使用：先运行调度计划，再执行 `kpibridge run --full-refresh`"))
            }
            if select != nil && schedule != nil {
                throw ValidationError(Help.pick("--select and --schedule do not go together: a schedule names its own `sources:`",
                                                "--select 不能与 --schedule 同时使用：调度计划有自己的 `sources:`"))
            }
            if recompute != nil && schedule != nil {
                throw ValidationError(Help.pick("--recompute and --schedule do not go together: a schedule names its own `recompute:`",
                                                "--recompute 不能与 --schedule 同时使用：调度计划有自己的 `recompute:`"))
            }
            if let recompute, DateRange(parsing: recompute) == nil {
                throw ValidationError(Help.pick("--recompute `\(recompute)` is not like 2026-10, 2026-10-31 or 2026-09-01..2026-10-31",
                                                "--recompute `\(recompute)` 的写法不对，应如 2026-10、2026-10-31 或 2026-09-01..2026-10-31"))
            }
        }

        func run() throws {
            let pipeline = try openPipeline()
            if let schedule {
                let chosen = try named(schedule, in: pipeline)
                let outcome = try pipeline.run(schedule: chosen)
                try StandardOutput.line(outcome.text(language: language.language))
                if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
                return
            }
            let report = try pipeline.run(recompute: recompute.flatMap(DateRange.init(parsing:)), fullRefresh: fullRefresh,
                                          select: select.map { Set($0.split(separator: ",").map(String.init)) })
            try StandardOutput.line(report.text(language: language.language))
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }

        /// The pipeline; a workspace a person broke fails tonight's run, and the chats that take `failed` hear of it.
        private func openPipeline() throws -> Pipeline {
            do {
                return try options.pipeline(stoppable: true)
            } catch let error as PipelineError {
                throw Notifications.tellUnopened(directory: options.workspace, error: error, logger: options.logger)
            }
        }

        /// The schedule file; one that does not read is told like a failed run.
        private func named(_ schedule: String, in pipeline: Pipeline) throws -> KPIWorkspace.Schedule {
            do {
                return try ScheduleFile.named(schedule, directory: schedules.directory, workspace: pipeline.workspace)
            } catch {
                throw Notifications(pipeline: pipeline).tell(error)
            }
        }
    }
}
