import ArgumentParser
import Foundation
import KPIPipeline
import KPIText
import KPIWorkspace

/// `--schedules`, shared by `schedule` and `run --schedule`.
struct ScheduleOptions: ParsableArguments {
    @Option(help: "The folder of schedule files (NAME.yaml).")
    var schedules: String = "schedules"

    /// The folder as an absolute path, so printed lines work from any directory.
    var directory: String { URL(fileURLWithPath: schedules).standardizedFileURL.path }
}

extension SchedulePrinter.Format: ExpressibleByArgument {}

extension Kpibridge {
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "List the schedules, or print the crontab lines or systemd units that run them.",
            subcommands: [List.self, Print.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One line per schedule: name, cron time and zone, sources, stages.",
                discussion: """
                    Example:
                      kpibridge schedule list --workspace samples/workspace --schedules schedules
                      kpibridge schedule list --workspace samples/workspace --schedules schedules --lang zh
                    """)

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
                abstract: "Print the crontab lines (or systemd .service and .timer units) that run every schedule.",
                discussion: """
                    Paths are absolute, so the output can be installed as it is: `crontab -e`, or one file per \
                    unit under /etc/systemd/system followed by `systemctl enable --now kpibridge-NAME.timer`. \
                    Each line runs `kpibridge run --schedule NAME`, whose exit code 3 (another run held the \
                    store) needs no alert.

                    Example:
                      kpibridge schedule print --workspace samples/workspace --schedules schedules
                      kpibridge schedule print --workspace samples/workspace --schedules schedules --format systemd
                      kpibridge schedule print --workspace /srv/kpi --schedules /srv/kpi/schedules --executable /usr/local/bin/kpibridge
                      kpibridge schedule print --workspace samples/workspace --schedules schedules --lang zh

                    The comments are English unless --lang asks otherwise: the output is a file cron reads, \
                    and a file for a tool does not change with the locale.
                    """)

            @OptionGroup var options: WorkspaceOptions
            @OptionGroup var schedules: ScheduleOptions

            @Option(help: "crontab or systemd.")
            var format: SchedulePrinter.Format = .crontab

            @Option(help: ArgumentHelp("The kpibridge binary the lines run (default: this one).", valueName: "PATH"))
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
