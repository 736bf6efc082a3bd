import Foundation
import KPIConnectors
import KPISchema
import KPIWorkspace

/// One line per connector a workspace can use: id, formats, record kinds and where it is defined.
package struct ConnectorListing: Sendable {
    package struct Entry: Sendable, Hashable {
        package var id: String
        package var title: Bilingual
        package var formats: [String]
        package var kinds: [String]
        package var origin: Origin
    }

    /// Where a connector is defined: a spec shipped with kpibridge (its file name), or a workspace's own
    /// (its path in the workspace).
    package enum Origin: Sendable, Hashable {
        case builtIn(String)
        case workspace(String)
    }

    package var entries: [Entry]

    package init(catalog: ConnectorCatalog, relativeTo root: String?) {
        entries = catalog.ids.map { id in
            let connector = catalog.connectors[id]!
            let spec = (connector as? SpecConnector)?.compiled
            let path = catalog.origins[id] ?? "-"
            let origin: Origin = if let root, path.hasPrefix(root + "/") { .workspace(String(path.dropFirst(root.count + 1))) }
                                 else { .builtIn((path as NSString).lastPathComponent) }
            return Entry(id: id, title: connector.titles, formats: spec?.formats.map(\.name) ?? [],
                         kinds: spec?.spec.records.kinds ?? [], origin: origin)
        }
    }

}

extension ConnectorListing {
    /// The listing for `directory`'s workspace, or the built-in connectors alone when the folder
    /// is not a workspace (so `kpibridge connectors list` works anywhere).
    package static func forDirectory(_ directory: String, builtinConnectors: [String]) throws(PipelineError) -> ConnectorListing {
        let config = (directory as NSString).appendingPathComponent(Workspace.configFile)
        if FileManager.default.fileExists(atPath: config) {
            return try Workspace(directory: directory, builtinConnectors: builtinConnectors).connectorListing
        }
        do {
            return ConnectorListing(catalog: try ConnectorCatalog(directories: builtinConnectors), relativeTo: nil)
        } catch {
            throw .failed(Bilingual(describing: error))
        }
    }
}
