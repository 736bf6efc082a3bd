import Foundation
import KPIWorkspace

/// Something runs this workspace on a schedule: a crontab line or a systemd unit naming its folder.
struct ScheduleCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let workspace) = context.workspace else { return [StoreCheck.notChecked("schedules")] }
        let root = workspace.paths.root
        let cron = (context.crontab() ?? "").split(separator: "\n").filter { line in
            !line.hasPrefix("#") && line.contains("kpibridge") && (line.contains(" --workspace \(root) ") || line.contains("cd \(root) "))
        }
        let units = ((try? FileManager.default.contentsOfDirectory(atPath: context.systemdUnits)) ?? [])
            .filter { $0.hasPrefix("kpibridge-") && $0.hasSuffix(".service") }
            .filter { name in
                let text = (try? String(contentsOfFile: (context.systemdUnits as NSString).appendingPathComponent(name), encoding: .utf8)) ?? ""
                return text.contains("WorkingDirectory=\(root)\n")
            }
        if cron.isEmpty && units.isEmpty {
            return [.problem("schedules", "no crontab line or systemd unit runs this workspace",
                             fix: "`\(context.invocation.command("schedule print", "--schedules", (root as NSString).appendingPathComponent("schedules")))` "
                                + "prints them to install (`crontab -e`, or the units under \(context.systemdUnits))")]
        }
        return [.ok("schedules", "\(cron.count) crontab line\(cron.count == 1 ? "" : "s") and \(units.count) systemd unit\(units.count == 1 ? "" : "s") run this workspace")]
    }
}
