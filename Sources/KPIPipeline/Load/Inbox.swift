import Foundation
import KPISchema
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
    /// (none: routed by detection when planned), and every entry that is not read with why
    /// (see ``InboxWalk``), failing or passed over.
    package func files() throws(PipelineError) -> (inputs: [LoadInput], refused: [(path: String, reason: Bilingual)],
                                                   ignored: [(path: String, reason: Bilingual)]) {
        let inboxName = workspace.config.inbox ?? "inbox"
        let inbox = try workspace.paths.resolve(inboxName, key: "inbox")
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: inbox, isDirectory: &isFolder) {
            // A workspace that only pulls from APIs may have no inbox; one that names its inbox must have it.
            guard workspace.config.inbox == nil else {
                throw .failed(Bilingual("\(Workspace.configFile): inbox `\(inboxName)` does not exist; create it or correct `inbox:`",
                                        "\(Workspace.configFile)：收件箱 `\(inboxName)` 不存在；请创建它，或改正 `inbox:`"))
            }
            return ([], [], [])
        }
        guard isFolder.boolValue else {
            throw .failed(Bilingual("\(Workspace.configFile): inbox `\(inboxName)` is not a folder",
                                    "\(Workspace.configFile)：收件箱 `\(inboxName)` 不是文件夹"))
        }
        let walk = InboxWalk(root: workspace.paths.root, inbox: inbox)
        var inputs: [LoadInput] = []
        for file in walk.files {
            // As walked (through links the walk checked stay inside), so a source's glob sees the inbox path.
            let path = (workspace.paths.root as NSString).appendingPathComponent(file)
            if let source = workspace.source(for: file) {
                inputs.append((path, try workspace.connector(source.connector), source))
            } else {
                inputs.append((path, nil, nil))
            }
        }
        return (inputs, walk.refused, walk.ignored)
    }
}

extension Pipeline {
    /// Matches every file under the inbox to a source, or routes it by header detection when no
    /// source names it. A file that fits no connector (or several equally) fails on its own.
    package func planInbox() throws(PipelineError) -> [PlannedFile] {
        let inbox = try Inbox(workspace: workspace).files()
        return try LoadPlanner(pipeline: self).plan(inbox.inputs, refused: inbox.refused, ignored: inbox.ignored)
    }
}

extension Workspace {
    /// The connector `id` of this workspace's catalog; an unknown id is a usage error.
    package func connector(_ id: String) throws(PipelineError) -> any Connector {
        do { return try catalog.connector(id) } catch { throw .usage(error.sentence) }
    }
}
