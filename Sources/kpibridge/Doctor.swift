import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Check the machine and the workspace: libraries, zone data, store, sources, fx rates, schedules.",
                                "检查本机和工作区：系统库、时区数据、存储、数据源、汇率、调度计划。"),
            discussion: Help.pick("""
                One line per check, ok or PROBLEM with how to fix it; exit 1 when there is a problem, so cron \
                or a monitor can run it. Checks: the system libraries (SQLite, libxml2, libcurl), the zone \
                database and every zone the workspace names, that the workspace opens, that the store opens \
                with the current schema and its last run finished, that every source has a file in place or \
                loaded before, that the last run had every fx rate it needed, and that a crontab line or \
                systemd unit runs the workspace.
                """, """
                每项检查一行：“正常”，或“问题”并附修正方法；有问题时退出码为 1，便于 cron
                或监控程序调用。检查内容：系统库（SQLite、libxml2、libcurl）；
                时区数据库及工作区用到的每个时区；工作区能否打开；存储能否打开、
                表结构是否为当前版本、上次运行是否已结束；
                每个数据源是否有文件就位或以前加载过；上次运行所需的汇率是否齐全；是否有
                crontab 行或 systemd 单元在运行这个工作区。
                """, examples: """
                kpibridge doctor --workspace samples/workspace
                kpibridge doctor --workspace ~/kpi --format json
                kpibridge doctor --workspace samples/workspace --lang zh
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: .pick("text, or json (one object, for monitoring).", "`text`，或 `json`（一个对象，供监控使用）。"))
        var format: OutputFormat = .text

        func run() throws {
            let context = DoctorContext(directory: options.workspace, storeOverride: options.store,
                                        builtinConnectors: BuiltinConnectors.directories(), invocation: options.invocation)
            let doctor = KPIPipeline.Doctor(context)
            try StandardOutput.line(format == .json ? doctor.json : doctor.text(language: language.language))
            if !doctor.problems.isEmpty { throw ExitCode(PipelineError.Kind.failed.rawValue) }
        }
    }
}
