import Foundation
import KPIPipeline

extension ConnectorListing {
    package var text: String {
        let width = entries.map(\.id.count).max() ?? 0
        return entries.map { entry in
            entry.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + entry.formats.joined(separator: "/").padding(toLength: 9, withPad: " ", startingAt: 0)
                + " → " + entry.kinds.joined(separator: ", ") + "\n" + String(repeating: " ", count: width + 2)
                + entry.title + " (" + entry.origin + ")"
        }.joined(separator: "\n")
    }
}
