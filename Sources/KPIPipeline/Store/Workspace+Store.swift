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
        case .sqlite(let path):
            if !create && !FileManager.default.fileExists(atPath: path) {
                throw .failed("store \(url) does not exist yet; run `kpibridge run` first")
            }
            do { return try SQLiteStore(path: path) } catch { throw .failed("cannot open store \(url): \(error)") }
        case .postgres(let text):
            let location: PostgresLocation
            do { location = try PostgresLocation(url: text) } catch { throw .usage(error.description) }
            do { return try PostgresStore(location: location) } catch { throw .failed("cannot open store \(location): \(error)") }
        }
    }
}
