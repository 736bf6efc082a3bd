import Foundation
import KPISchema
import KPIWorkspace

/// One line of `kpibridge doctor`: what was checked, whether it is fine, and how to fix it when not.
package struct DoctorFinding: Sendable, Equatable {
    package enum Status: String, Sendable {
        case ok, problem
    }

    package var check: String
    package var status: Status
    /// In both languages; a message passed through from elsewhere (a store's or config file's error) is
    /// English in both.
    package var detail: Bilingual
    /// A command or step that fixes a problem.
    package var fix: Bilingual?

    package static func ok(_ check: String, _ detail: Bilingual) -> DoctorFinding {
        DoctorFinding(check: check, status: .ok, detail: detail)
    }

    package static func problem(_ check: String, _ detail: Bilingual, fix: Bilingual?) -> DoctorFinding {
        DoctorFinding(check: check, status: .problem, detail: detail, fix: fix)
    }
}

/// One thing `kpibridge doctor` checks. Each check stands alone, so one failing never hides another.
package protocol DoctorCheck: Sendable {
    func findings(_ context: DoctorContext) -> [DoctorFinding]
}

/// What the checks look at: the workspace (or why it did not open), its store and the machine.
package struct DoctorContext: Sendable {
    package var directory: String
    package var storeOverride: String?
    package var builtinConnectors: [String]
    package var invocation: Invocation
    /// The workspace, or the error opening it gave (checks that need it say they were not run).
    package var workspace: Result<Workspace, PipelineError>
    /// Where the machine's zone data lives.
    package var zoneInfo = "/usr/share/zoneinfo"
    /// The user's crontab, nil when there is none (or no `crontab` command).
    package var crontab: @Sendable () -> String? = { DoctorContext.userCrontab() }
    /// Where systemd units are installed.
    package var systemdUnits = "/etc/systemd/system"
    /// The system crontab folder (`schedule print` lines may go there with a user field).
    package var cronDirectory = "/etc/cron.d"

    package init(directory: String, storeOverride: String?, builtinConnectors: [String], invocation: Invocation) {
        self.directory = directory
        self.storeOverride = storeOverride
        self.builtinConnectors = builtinConnectors
        self.invocation = invocation
        do { workspace = .success(try Workspace(directory: directory, builtinConnectors: builtinConnectors)) } catch {
            workspace = .failure(error)
        }
    }
}

extension DoctorContext {
    /// `crontab -l` of the user running doctor; nil when there is none or no `crontab` command.
    package static func userCrontab() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["crontab", "-l"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}

/// `kpibridge doctor`: every check in order, each line ok or a problem with its fix; exit 1 on any problem.
package struct Doctor: Sendable {
    package static let checks: [any DoctorCheck] = [
        SystemLibrariesCheck(), ZoneDataCheck(), WorkspaceCheck(), StoreCheck(), SourceFilesCheck(), RatesCheck(), ScorecardDataCheck(),
        ScheduleCheck(), NotifyCheck(),
    ]

    package var findings: [DoctorFinding]
    package var directory: String

    package init(_ context: DoctorContext, checks: [any DoctorCheck] = Doctor.checks) {
        findings = checks.flatMap { $0.findings(context) }
        directory = context.directory
    }

    package var problems: [DoctorFinding] { findings.filter { $0.status == .problem } }
}
