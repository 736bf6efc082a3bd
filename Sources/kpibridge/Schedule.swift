import ArgumentParser
import Foundation
import KPIPipeline
import KPIText
import KPIWorkspace

/// `--schedules`, shared by `schedule` and `run --schedule`.
struct ScheduleOptions: ParsableArguments {
    @Option(help: .pick("The folder of schedule files (NAME.yaml).", "存放调度计划文件（NAME.yaml）的文件夹。"))
    var schedules: String = "schedules"

    /// The folder as an absolute path, so printed lines work from any directory.
    var directory: String { URL(fileURLWithPath: schedules).standardizedFileURL.path }
}

extension SchedulePrinter.Format: ExpressibleByArgument {}

extension Kpibridge {
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: Help.pick("List the schedules, or print the crontab lines or systemd units that run them.",
                                "列出调度计划，或打印运行它们的 crontab 行或 systemd 单元。"),
            subcommands: [List.self, Print.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("One line per schedule: name, cron time and zone, sources, stages.",
                                    "每个调度计划一行：名称、cron 时间和时区、数据源、各阶段。"),
                discussion: Help.examples("""
                    kpibridge schedule list --workspace samples/workspace --schedules schedules
                    kpibridge schedule list --workspace samples/workspace --schedules schedules --lang zh
                    """))

            @OptionGroup var options: WorkspaceOptions
            @OptionGroup var schedules: ScheduleOptions
            @OptionGroup var language: LanguageOptions

            func run() throws {
                for schedule in try ScheduleFile.loadAll(directory: schedules.directory, workspace: try options.openWorkspace()) {
                    try StandardOutput.line(schedule.listingLine(language.language))
                }
            }
        }

        struct Print: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Print the crontab lines (or systemd .service and .timer units) that run every schedule.",
                                    "打印运行每个调度计划的 crontab 行（或 systemd 的 `.service` 和 `.timer` 单元）。"),
                discussion: Help.pick("""
                    Paths are absolute, so the output can be installed as it is: `crontab -e`, or one file per \
                    unit under /etc/systemd/system followed by `systemctl enable --now kpibridge-NAME.timer`. \
                    Each line runs `kpibridge run --schedule NAME`, whose exit code 3 (another run held the \
                    store) needs no alert.

                    The comments are English unless --lang asks otherwise: the output is a file cron reads, \
                    and a file for a tool does not change with the locale.
                    """, """
                    路径都是绝对路径，输出可以原样安装：用 `crontab -e`，或在
                    /etc/systemd/system 下每个单元存一个文件，再执行
                    `systemctl enable --now kpibridge-NAME.timer`。每一行运行
                    `kpibridge run --schedule NAME`，其退出码 3（另一个运行占用着存储）
                    无需告警。

                    注释默认是英文，除非 --lang 另行指定：输出是给 cron 读的文件，
                    给工具用的文件不随区域设置改变。
                    """, examples: """
                    kpibridge schedule print --workspace samples/workspace --schedules schedules
                    kpibridge schedule print --workspace samples/workspace --schedules schedules --format systemd
                    kpibridge schedule print --workspace /srv/kpi --schedules /srv/kpi/schedules --executable /usr/local/bin/kpibridge
                    kpibridge schedule print --workspace samples/workspace --schedules schedules --lang zh
                    """))

            @OptionGroup var options: WorkspaceOptions
            @OptionGroup var schedules: ScheduleOptions

            @Option(help: .pick("crontab or systemd.", "`crontab` 或 `systemd`。"))
            var format: SchedulePrinter.Format = .crontab

            @Option(help: .pick("The kpibridge binary the lines run (default: this one).",
                                "这些行运行的 kpibridge 可执行文件（默认：当前这个）。",
                                valueName: "PATH"))
            var executable: String?

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let workspace = try options.openWorkspace()
                let all = try ScheduleFile.loadAll(directory: schedules.directory, workspace: workspace)
                let executable = URL(fileURLWithPath: self.executable ?? Bundle.main.executablePath ?? CommandLine.arguments[0]).standardizedFileURL.path
                let printer = SchedulePrinter(executable: executable, workspace: workspace.paths.root, schedules: schedules.directory,
                                              language: language.lang ?? .en)
                try StandardOutput.write(printer.text(all, format: format))
            }
        }
    }
}
