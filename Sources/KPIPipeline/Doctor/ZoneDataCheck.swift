import Foundation
import KPIWorkspace

/// Days, weeks and months are cut in zones: without the zone database every period would be wrong or
/// refused. Checks the database and every zone the workspace names.
struct ZoneDataCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        let fix = "install the zone database (apt-get install tzdata)"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: context.zoneInfo, isDirectory: &isFolder), isFolder.boolValue else {
            return [.problem("zones", "no zone database at \(context.zoneInfo)", fix: fix)]
        }
        var zones: Set<String> = ["Asia/Shanghai", "America/Los_Angeles"]
        if case .success(let workspace) = context.workspace {
            zones.formUnion(workspace.config.sources.compactMap(\.timezone))
            zones.formUnion(workspace.definitions.definitions.allVersions.map(\.zone.identifier))
        }
        let unknown = zones.filter { TimeZone(identifier: $0) == nil && !$0.hasPrefix("+") && !$0.hasPrefix("-") && $0 != "UTC" }.sorted()
        guard unknown.isEmpty else {
            return [.problem("zones", "the zone database at \(context.zoneInfo) lacks " + unknown.joined(separator: ", "), fix: fix)]
        }
        return [.ok("zones", "zone database at \(context.zoneInfo); every zone named resolves (" + zones.sorted().joined(separator: ", ") + ")")]
    }
}
