import Foundation
import KPIPipeline
import KPISchema
import KPIWorkspace

/// Writes the crontab lines or systemd units that run each schedule with absolute paths, so they
/// can be pasted as they are.
package struct SchedulePrinter: Sendable {
    package enum Format: String, Sendable, CaseIterable {
        case crontab, systemd
    }

    /// The `kpibridge` binary to run.
    package var executable: String
    package var workspace: String
    package var schedules: String
    /// The comments' language; the lines and units themselves are the same in both.
    package var language: DisplayLanguage

    package init(executable: String, workspace: String, schedules: String, language: DisplayLanguage = .en) {
        self.executable = executable
        self.workspace = workspace
        self.schedules = schedules
        self.language = language
    }

    /// The command a schedule runs, as argument words (quoted per format by the caller).
    package func arguments(_ schedule: Schedule) -> [String] {
        [executable, "run", "--workspace", workspace, "--schedules", schedules, "--schedule", schedule.name]
    }

    package func text(_ schedules: [Schedule], format: Format) -> String {
        let lines = switch format {
        case .crontab: crontab(schedules)
        case .systemd: systemd(schedules)
        }
        return (developmentBuildNote.map { $0 + "\n" } ?? "") + lines
    }

    /// A warning when the binary is a build inside a source checkout (`swift run`, `.build/debug`): a
    /// nightly job should not run a debug build that the next `git pull && swift build` replaces.
    package var developmentBuildNote: String? {
        guard executable.contains("/.build/") else { return nil }
        return language.pick("""
            # note: these lines run the build inside a source checkout (\(executable)).
            # For nightly use: swift build -c release, copy .build/release/kpibridge to /usr/local/bin,
            # then print again with --executable /usr/local/bin/kpibridge.
            """, """
            # 注意：这些行运行的是源码目录里的构建（\(executable)）。
            # 每晚运行请先 `swift build -c release`，把 .build/release/kpibridge 复制到 /usr/local/bin，
            # 再加 `--executable /usr/local/bin/kpibridge` 重新打印。
            """)
    }

    /// One block per schedule: a comment, `CRON_TZ` for its zone, and the line. Output goes to
    /// `logs/NAME.log` in the workspace; exit code 3 (another run holds the store) is expected when
    /// schedules overlap and needs no alert.
    package func crontab(_ schedules: [Schedule]) -> String {
        var lines = language == .zh
            ? ["# \(workspace) 的 kpibridge 调度计划（用 `crontab -e` 安装，或去掉用户字段放进 /etc/cron.d）。",
               "# CRON_TZ 需要能读取它的 cron（cronie）；用 Debian 的 cron 时请让主机处于调度计划的时区，",
               "# 或改用 `kpibridge schedule print --format systemd`。",
               "SHELL=/bin/bash"]
            : ["# kpibridge schedules for \(workspace) (install with `crontab -e` or into /etc/cron.d without the user field).",
               "# CRON_TZ needs a cron that reads it (cronie); with Debian's cron run the host in the schedules' zone,",
               "# or use `kpibridge schedule print --format systemd`.",
               "SHELL=/bin/bash"]
        for schedule in schedules {
            lines.append("")
            lines.append("# \(schedule.name)" + (schedule.description.map { " — \($0)" } ?? ""))
            lines.append("CRON_TZ=\(schedule.zone.identifier)")
            let command = "cd \(Invocation.shell(workspace)) && mkdir -p logs && "
                + arguments(schedule).map(Invocation.shell).joined(separator: " ") + " >> logs/\(schedule.name).log 2>&1"
            // In a crontab line an unescaped % ends the command.
            lines.append("\(schedule.cron.description) " + command.replacingOccurrences(of: "%", with: "\\%"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A `.service` and a `.timer` per schedule, each preceded by the path it belongs at.
    package func systemd(_ schedules: [Schedule]) -> String {
        var blocks: [String] = []
        for schedule in schedules {
            let unit = "kpibridge-\(schedule.name)"
            let about = "kpibridge \(schedule.name)" + (schedule.description.map { ": \($0)" } ?? "")
            blocks.append("""
                # /etc/systemd/system/\(unit).service
                [Unit]
                Description=\(Self.unit(about))

                [Service]
                Type=oneshot
                WorkingDirectory=\(Self.unit(workspace))
                ExecStart=\(arguments(schedule).map(Self.systemdWord).joined(separator: " "))
                \(language.pick("# 3: another run held the store; the next run catches up.", "# 3：另一个运行占用着存储；下一次运行会补上。"))
                SuccessExitStatus=3
                """)
            blocks.append("""
                # /etc/systemd/system/\(unit).timer
                [Unit]
                Description=\(Self.unit(about))

                [Timer]
                OnCalendar=\(schedule.cron.onCalendar(zone: schedule.zone.identifier))
                Persistent=true

                [Install]
                WantedBy=timers.target
                """)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Unit-file text: `%` starts a specifier there.
    package static func unit(_ text: String) -> String { text.replacingOccurrences(of: "%", with: "%%") }

    /// An `ExecStart=` word: double-quoted when it holds a space or quote.
    package static func systemdWord(_ word: String) -> String {
        let text = unit(word)
        guard text.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
