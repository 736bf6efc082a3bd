import Foundation
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
        do { url = try StoreURL(parsing: text) } catch { throw .usage(error.description) }
        if case .sqlite(let path) = url, override == nil, !path.hasPrefix("/") {
            return .sqlite(path: try paths.resolve(path, key: "store"))
        }
        return url
    }

    /// Opens the store at `url`; with `create` false a SQLite file that does not exist yet is an error.
    package static func openStore(_ url: StoreURL, create: Bool = true) throws(PipelineError) -> any WarehouseStore {
        switch url {
        case .sqlite(let given):
            // One store, one lock file, however its path is spelled (a symlinked `--store` ran twice at once).
            let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
            if !create && !FileManager.default.fileExists(atPath: path) {
                throw .failed("store \(url) does not exist yet; run `kpibridge run` first")
            }
            try refuseForeignFile(at: path, url: url)
            do { return try SQLiteStore(path: path) } catch { throw .failed("cannot open store \(url): \(error)") }
        case .postgres(let text):
            let location: PostgresLocation
            do { location = try PostgresLocation(url: text) } catch { throw .usage(error.description) }
            do { return try PostgresStore(location: location) } catch { throw .failed("cannot open store \(location): \(error)") }
        }
    }

    /// An existing store file must be a SQLite database: an empty file (a truncated store, a failed copy)
    /// would otherwise become a new, empty warehouse and all history would silently be gone.
    private static func refuseForeignFile(at path: String, url: StoreURL) throws(PipelineError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        let restore = "restore it from a backup, or move it away to start a new, empty store"
        if head.isEmpty {
            throw .failed("store \(url) is an empty file (0 bytes), not a kpibridge store; nothing was changed: \(restore)")
        }
        if head != Data("SQLite format 3\u{0}".utf8) {
            throw .failed("store \(url) is not a SQLite database (its first bytes say otherwise); nothing was changed: \(restore)")
        }
    }
}
