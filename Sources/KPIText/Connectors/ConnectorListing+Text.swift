import Foundation
import KPIPipeline
import KPISchema

extension ConnectorListing {
    package var text: String { text(.en) }

    /// Two lines a connector: id, formats and record kinds; then its title (the spec's own words) and
    /// where it is defined.
    package func text(_ l: DisplayLanguage) -> String {
        let width = entries.map(\.id.count).max() ?? 0
        return entries.map { entry in
            entry.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + entry.formats.joined(separator: "/").padding(toLength: 9, withPad: " ", startingAt: 0)
                + " → " + entry.kinds.joined(separator: ", ") + "\n" + String(repeating: " ", count: width + 2)
                + entry.title(l) + l.pick(" (", "（") + Self.origin(entry.origin, l) + l.pick(")", "）")
        }.joined(separator: "\n")
    }

    static func origin(_ origin: Origin, _ l: DisplayLanguage) -> String {
        switch origin {
        case .builtIn(let file): l.pick("built-in: ", "内置：") + file
        case .workspace(let path): l.pick("workspace: ", "工作区：") + path
        }
    }
}
