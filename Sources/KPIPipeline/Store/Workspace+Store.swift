import Foundation
import KPISchema
import KPIStore
import KPIStorePostgres
import KPIWorkspace

/// Where a workspace's store is and how it is opened: the one place the workspace meets the store, so
/// reading configuration never needs a database.
extension Workspace {
    /// The store named by `override` (from `--store`), else the workspace's, else the default.
    package func storeURL(override: String?) throws(PipelineError) -> StoreURL {
        let text = override ?? config.store ?? Self.defaultStore
        let url: StoreURL
        do { url = try StoreURL(parsing: text) } catch { throw .usage(error.sentence) }
        if case .sqlite(let path) = url, override == nil, !path.hasPrefix("/") {
            return .sqlite(path: try paths.resolve(path, key: "store"))
        }
        return url
    }

    /// Opens the store at `url` as `access` allows: only `.create` makes a SQLite file that does not exist.
    package static func openStore(_ url: StoreURL, access: StoreAccess = .create) throws(PipelineError) -> any WarehouseStore {
        switch url {
        case .sqlite(let given):
            // One store, one lock file, however its path is spelled (a symlinked `--store` ran twice at once).
            let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
            if access != .create && !FileManager.default.fileExists(atPath: path) {
                throw .failed(Bilingual("store \(url) does not exist yet; run `kpibridge run` first", "存储 \(url) 还不存在；请先运行 `kpibridge run`"))
            }
            try refuseForeignFile(at: path, url: url)
            do {
                return access == .readOnly ? try SQLiteStore(readingAt: path) : try SQLiteStore(path: path)
            } catch {
                throw .failed(Bilingual("cannot open store \(url): \(error)", "无法打开存储 \(url)：\(error)"))
            }
        case .postgres(let text):
            let location: PostgresLocation
            do { location = try PostgresLocation(url: text) } catch { throw .usage(error.sentence) }
            do {
                return try PostgresStore(location: location, readOnly: access == .readOnly)
            } catch {
                throw .failed(Bilingual("cannot open store \(location): \(error)", "无法打开存储 \(location)：\(error)"))
            }
        }
    }

    /// An existing store file must be a kpibridge store: a spreadsheet or a log saved over it, or a file
    /// truncated to nothing, must not be opened (or initialized over) as a warehouse.
    private static func refuseForeignFile(at path: String, url: StoreURL) throws(PipelineError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        let restore = Bilingual("nothing was changed: restore it from a backup, or move it away to start a new, empty store",
                                "未做任何改动：请从备份恢复它，或把它移走以新建一个空存储")
        if head.isEmpty {
            // kpibridge creates a store whole (SQLiteStore.createWhole), so an empty file is not one of its
            // own in the making. An older version's store killed before its first checkpoint has its pages
            // in the WAL beside it, and SQLite recovers those.
            if SQLiteStore.pendingWALBytes(path) == 0 {
                throw .failed(Bilingual("store \(url) is an empty file (0 bytes), so its history is gone or it was never a store; \(restore.en)",
                                        "存储 \(url) 是空文件（0 字节），它的历史已丢失，或它本来就不是存储；\(restore.zh)"))
            }
        } else if head != Data("SQLite format 3\u{0}".utf8) {
            throw .failed(Bilingual("store \(url) is not a SQLite database (its first bytes say otherwise); \(restore.en)",
                                    "存储 \(url) 不是 SQLite 数据库（文件开头的字节不符）；\(restore.zh)"))
        }
    }
}
