import Foundation
import KPISchema
import KPIWorkspace

/// Something runs this workspace on a schedule: a crontab line or a systemd unit naming its folder.
struct ScheduleCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("schedules")] }
        let root = workspace.paths.root
        // As `schedule print` writes the path: quoted for the shell when it needs it, `%` escaped for cron.
        let written = Invocation.shell(root).replacingOccurrences(of: "%", with: "\\%")
        let cronTables = [context.crontab() ?? ""] + ((try? FileManager.default.contentsOfDirectory(atPath: context.cronDirectory)) ?? [])
            .compactMap { try? String(contentsOfFile: (context.cronDirectory as NSString).appendingPathComponent($0), encoding: .utf8) }
        let cron = cronTables.flatMap { $0.split(separator: "\n") }.filter { line in
            !line.hasPrefix("#") && line.contains("kpibridge")
                && [root, written].contains { line.contains(" --workspace \($0) ") || line.contains("cd \($0) ") }
        }
        let units = ((try? FileManager.default.contentsOfDirectory(atPath: context.systemdUnits)) ?? [])
            .filter { $0.hasPrefix("kpibridge-") && $0.hasSuffix(".service") }
            .filter { name in
                let text = (try? String(contentsOfFile: (context.systemdUnits as NSString).appendingPathComponent(name), encoding: .utf8)) ?? ""
                return text.contains("WorkingDirectory=\(root.replacingOccurrences(of: "%", with: "%%"))\n")
            }
        if cron.isEmpty && units.isEmpty {
            let print = context.invocation.command("schedule print", "--schedules", (root as NSString).appendingPathComponent("schedules"))
            return [.problem("schedules", Bilingual("no crontab line or systemd unit runs this workspace", "没有 crontab 行或 systemd 单元运行这个工作区"),
                             fix: Bilingual("`\(print)` prints them to install (`crontab -e`, or the units under \(context.systemdUnits))",
                                            "`\(print)` 会打印出要安装的内容（`crontab -e`，或放到 \(context.systemdUnits) 下的单元）"))]
        }
        return [.ok("schedules", Bilingual("\(cron.count) crontab line\(cron.count == 1 ? "" : "s") and \(units.count) systemd unit\(units.count == 1 ? "" : "s") run this workspace",
                                           "\(cron.count) 行 crontab 和 \(units.count) 个 systemd 单元运行这个工作区"))]
    }
}
