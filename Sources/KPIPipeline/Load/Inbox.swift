import Foundation
import KPIConnectors
import KPIWorkspace

/// A file to load, with the connector and workspace source that name it (none: routed by detection).
package typealias LoadInput = (path: String, connector: (any Connector)?, source: SourceConfig?)

/// The workspace's inbox folder: every file under it, matched to the source whose glob names it.
package struct Inbox {
    package let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Every file under the inbox with the connector and source of the workspace source naming it
    /// (none: routed by detection when planned).
    package func files() throws(PipelineError) -> [LoadInput] {
        let inboxName = workspace.config.inbox ?? "inbox"
        let inbox = try workspace.paths.resolve(inboxName, key: "inbox")
        var relative: [String] = []
        if let walker = FileManager.default.enumerator(atPath: inbox) {
            while let item = walker.nextObject() as? String {
                let full = (inbox as NSString).appendingPathComponent(item)
                var isDirectory: ObjCBool = false
                guard !item.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                relative.append(workspace.paths.display(full))
            }
        }
        relative.sort()
        var planned: [LoadInput] = []
        for file in relative {
            let path = try workspace.paths.resolve(file, key: "inbox file")
            if let source = workspace.source(for: file) {
                planned.append((path, try workspace.connector(source.connector), source))
            } else {
                planned.append((path, nil, nil))
            }
        }
        return planned
    }
}

extension Pipeline {
    /// Matches every file under the inbox to a source, or routes it by header detection when no
    /// source names it. A file that fits no connector (or several equally) fails on its own.
    package func planInbox() throws(PipelineError) -> [PlannedFile] {
        try LoadPlanner(pipeline: self).plan(try Inbox(workspace: workspace).files())
    }
}

extension Workspace {
    /// The connector `id` of this workspace's catalog; an unknown id is a usage error.
    package func connector(_ id: String) throws(PipelineError) -> any Connector {
        do { return try catalog.connector(id) } catch { throw .usage(error.description) }
    }
}
