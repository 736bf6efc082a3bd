import Foundation
import KPISchema
import KPIWorkspace

/// Days, weeks and months are cut in zones: without the zone database every period would be wrong or
/// refused. Checks the database and every zone the workspace names.
struct ZoneDataCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        let fix = Bilingual("install the zone database (apt-get install tzdata)", "安装时区数据库（`apt-get install tzdata`）")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: context.zoneInfo, isDirectory: &isFolder), isFolder.boolValue else {
            return [.problem("zones", Bilingual("no zone database at \(context.zoneInfo)", "\(context.zoneInfo) 没有时区数据库"), fix: fix)]
        }
        var zones: Set<String> = ["Asia/Shanghai", "America/Los_Angeles"]
        if case .success(let workspace) = context.workspace {
            zones.formUnion(workspace.config.sources.compactMap(\.timezone))
            zones.formUnion(workspace.definitions.definitions.allVersions.map(\.zone.identifier))
        }
        let unknown = zones.filter { TimeZone(identifier: $0) == nil && !$0.hasPrefix("+") && !$0.hasPrefix("-") && $0 != "UTC" }.sorted()
        guard unknown.isEmpty else {
            return [.problem("zones", Bilingual("the zone database at \(context.zoneInfo) lacks " + unknown.joined(separator: ", "),
                                                "\(context.zoneInfo) 的时区数据库缺少 " + unknown.joined(separator: "、")), fix: fix)]
        }
        let named = zones.sorted()
        return [.ok("zones", Bilingual("zone database at \(context.zoneInfo); every zone named resolves (" + named.joined(separator: ", ") + ")",
                                       "时区数据库在 \(context.zoneInfo)；用到的时区都能解析（" + named.joined(separator: "、") + "）"))]
    }
}
