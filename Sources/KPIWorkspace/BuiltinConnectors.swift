import Foundation

/// Where the connector specs shipped with kpibridge live.
///
/// `KPIBRIDGE_CONNECTORS` (a `:`-separated list of folders) wins; otherwise the `connectors/` folder
/// of the checkout this binary was built from, which is where `swift run` finds them.
package enum BuiltinConnectors {
    package static func directories(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        if let list = environment["KPIBRIDGE_CONNECTORS"], !list.isEmpty {
            return list.split(separator: ":").map(String.init)
        }
        return [checkoutDirectory]
    }

    /// `<checkout>/connectors`, derived from this source file's location at build time.
    package static var checkoutDirectory: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // KPIWorkspace
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // checkout
            .appendingPathComponent("connectors").path
    }
}
