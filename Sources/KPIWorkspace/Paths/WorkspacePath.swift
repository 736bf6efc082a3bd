import Foundation
import KPISchema

/// Resolves paths written in workspace configuration, refusing any that leave the workspace.
///
/// Config files travel between machines and teammates; a `../../etc/passwd` or an absolute path in
/// one must not make a nightly job read or write outside the folder it was pointed at.
package struct WorkspacePath: Sendable {
    /// The workspace root, absolute and with symlinks resolved.
    package let root: String

    package init(root: String) throws(PipelineError) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage(Bilingual("workspace `\(root)` is not a directory", "工作区 `\(root)` 不是文件夹"))
        }
        self.root = absolute
    }

    /// The absolute path of `relative`, which must stay inside the workspace (`key` names it in errors).
    package func resolve(_ relative: String, key: String) throws(PipelineError) -> String {
        guard !relative.isEmpty else { throw .failed(Bilingual("\(key): empty path", "\(key)：路径为空")) }
        guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else {
            throw .failed(Bilingual("\(key): `\(relative)` must be relative to the workspace, not absolute",
                                    "\(key)：`\(relative)` 应是相对工作区的路径，不能是绝对路径"))
        }
        let joined = URL(fileURLWithPath: root).appendingPathComponent(relative).standardizedFileURL
        // Resolve symlinks of the longest existing ancestor so a link cannot point outside either.
        var existing = joined
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            tail.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath()
        for part in tail { resolved.appendPathComponent(part) }
        let path = resolved.path
        guard path == root || path.hasPrefix(root + "/") else {
            throw .failed(Bilingual("\(key): `\(relative)` leads outside the workspace \(root)",
                                    "\(key)：`\(relative)` 指向了工作区 \(root) 之外"))
        }
        return path
    }

    /// `path` relative to the root when inside it, else unchanged: how files appear in lineage. A path
    /// inside the root as written (a file reached through an inbox link) keeps that name.
    package func display(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        for candidate in [absolute, resolved] where candidate.hasPrefix(root + "/") {
            return String(candidate.dropFirst(root.count + 1))
        }
        return absolute
    }
}
