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

    /// An existing store file must be a SQLite database: a spreadsheet or a log saved over it must not be
    /// opened as a warehouse.
    private static func refuseForeignFile(at path: String, url: StoreURL) throws(PipelineError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        let restore = "restore it from a backup, or move it away to start a new, empty store"
        // An empty file is left alone: a new store being created by another run, or one a kill stopped
        // before its first page, is 0 bytes too (its pages may still be in the WAL).
        if !head.isEmpty, head != Data("SQLite format 3\u{0}".utf8) {
            throw .failed("store \(url) is not a SQLite database (its first bytes say otherwise); nothing was changed: \(restore)")
        }
    }
}
