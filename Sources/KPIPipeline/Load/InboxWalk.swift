import Foundation
import KPISchema

/// Every entry under the inbox, so that none is lost without a word: the regular files to load, and
/// each entry that is not loaded with the reason — a folder that cannot be listed, a link to nothing or
/// out of the workspace, a named pipe, socket or device (never opened: reading a pipe waits forever,
/// holding the store's lock, and every later night would find the store busy).
///
/// Links are followed only inside the workspace, after every real folder, each folder at most once. Hidden
/// entries (`.DS_Store`, editors' swap files) and Office lock files (`~$Book.xlsx`) are not read, but named
/// as skipped: a file someone dropped as `.orders.csv` must not vanish without a word.
package struct InboxWalk {
    /// Workspace-relative paths as walked (through links, not resolved), sorted.
    package private(set) var files: [String] = []
    /// Workspace-relative paths that are not loaded, with why.
    package private(set) var refused: [(path: String, reason: Bilingual)] = []
    /// Workspace-relative paths of hidden entries and lock files, not read, with why.
    package private(set) var ignored: [(path: String, reason: Bilingual)] = []

    private let root: String
    private var visited: Set<String> = []
    /// Links met while walking, followed once every real folder has been walked: a link to a folder of
    /// the inbox must not take over its files' names (and so their source's shop and zone).
    private var links: [(path: String, shown: String)] = []

    /// Walks `inbox` (absolute, inside `root`, both with symlinks resolved).
    package init(root: String, inbox: String) {
        self.root = root
        walk(inbox, relative: relative(inbox))
        while !links.isEmpty {
            let link = links.removeFirst()
            follow(link.path, shown: link.shown)
        }
        files.sort()
        refused.sort { $0.path < $1.path }
        ignored.sort { $0.path < $1.path }
    }

    private func relative(_ path: String) -> String {
        path == root ? "" : String(path.dropFirst(root.count + 1))
    }

    private func inside(_ path: String) -> Bool { path == root || path.hasPrefix(root + "/") }

    private mutating func walk(_ directory: String, relative: String) {
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let why = Self.describe(error)
            refused.append((relative, Bilingual("cannot list this folder (\(why)); none of its files were read", "无法列出这个文件夹（\(why)）；其中的文件都未读取")))
            return
        }
        for name in names.sorted() {
            let full = (directory as NSString).appendingPathComponent(name)
            let shown = relative.isEmpty ? name : relative + "/" + name
            if let reason = Self.ignoredReason(name) {
                ignored.append((shown, reason))
                continue
            }
            let type: FileAttributeType
            do {
                type = try Self.type(of: full)
            } catch {
                let why = Self.describe(error)
                refused.append((shown, Bilingual("cannot read what it is (\(why)); not read", "无法判断它是什么（\(why)）；未读取")))
                continue
            }
            switch type {
            case .typeRegular: files.append(shown)
            case .typeDirectory: walk(full, relative: shown)
            case .typeSymbolicLink: links.append((full, shown))
            default: refused.append((shown, Self.special(type)))
            }
        }
    }

    private mutating func follow(_ link: String, shown: String) {
        let target = URL(fileURLWithPath: link).resolvingSymlinksInPath().path
        guard FileManager.default.fileExists(atPath: target), let type = try? Self.type(of: target) else {
            refused.append((shown, Bilingual("a link to nothing (its target is gone); not read", "链接指向的目标已不存在；未读取")))
            return
        }
        guard inside(target) else {
            refused.append((shown, Bilingual("a link to \(target), outside the workspace; not followed", "链接指向工作区之外的 \(target)；未读取")))
            return
        }
        switch type {
        case .typeRegular: files.append(shown)
        case .typeDirectory:
            // A folder already read under its own name is not read again under the link's.
            guard !visited.contains(target) else { return }
            walk(link, relative: shown)
        default: refused.append((shown, Self.special(type)))
        }
    }

    /// The entry's own type; links are not followed.
    private static func type(of path: String) throws -> FileAttributeType {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.type] as? FileAttributeType) ?? .typeUnknown
    }

    /// Why an entry is passed over by its name alone, if it is.
    private static func ignoredReason(_ name: String) -> Bilingual? {
        if name.hasPrefix("~$") { return Bilingual("an Office lock file (left while a workbook is open); not read", "Office 锁文件（工作簿打开时留下）；不读取") }
        if name.hasPrefix(".") {
            return Bilingual("hidden (its name starts with a dot, as system and editor files do); not read: rename it without the dot to load it",
                             "隐藏文件（文件名以点开头，系统和编辑器的文件都是这样）；不读取：去掉开头的点即可加载")
        }
        return nil
    }

    private static func special(_ type: FileAttributeType) -> Bilingual {
        switch type {
        case .typeSocket: Bilingual("a socket, not a file; never opened", "是套接字，不是文件；不打开")
        case .typeCharacterSpecial, .typeBlockSpecial: Bilingual("a device, not a file; never opened", "是设备，不是文件；不打开")
        default: Bilingual("not a regular file (a named pipe or another special file); never opened, since reading one can wait forever",
                           "不是普通文件（命名管道或其他特殊文件）；不打开，因为读取它可能永远等下去")
        }
    }

    private static func describe(_ error: any Error) -> String {
        ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
    }
}
