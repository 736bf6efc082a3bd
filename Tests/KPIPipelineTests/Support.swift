import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIWorkspace

let shippedConnectors = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("connectors").path

/// A fresh copy of a fixture workspace in a temporary folder, removed when the test ends.
///
/// With `backend: .postgres` every pipeline and export of the workspace uses an empty PostgreSQL schema
/// of its own instead of the workspace's SQLite file.
final class TemporaryWorkspace {
    let root: URL
    /// The `--store` every pipeline of this workspace gets, unless a call names another.
    let store: String?

    convenience init(_ fixture: String = "tiny", backend: StoreBackend = .sqlite) throws {
        try self.init(copying: Bundle.module.url(forResource: "Fixtures/\(fixture)", withExtension: nil)!, backend: backend)
    }

    private init(copying source: URL, backend: StoreBackend) throws {
        store = try backend.storeOverride()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        // A local run of the sample leaves its store inside; tests start empty.
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".kpibridge"))
    }

    /// An empty folder (for `kpibridge init`) with a store of its own, removed when the test ends.
    init(empty backend: StoreBackend) throws {
        store = try backend.storeOverride()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A fresh copy of the repository's sample workspace (samples/workspace).
    static func sample(backend: StoreBackend = .sqlite) throws -> TemporaryWorkspace {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try TemporaryWorkspace(copying: repository.appendingPathComponent("samples/workspace"), backend: backend)
    }

    /// A copy of another workspace's files (its SQLite store left behind), with an empty store of its own.
    convenience init(copyOf other: TemporaryWorkspace, backend: StoreBackend) throws {
        try self.init(copying: other.root, backend: backend)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var path: String { root.path }

    func pipeline(store: String? = nil, access: StoreAccess = .create) throws -> Pipeline {
        try Pipeline(directory: path, storeOverride: store ?? self.store, builtinConnectors: [shippedConnectors], access: access)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func export(_ table: String, _ format: ExportFormat = .csv, store: String? = nil) throws -> String {
        var out = ""
        try TableExporter(format: format).export(table, from: try pipeline(store: store).store) { out += $0 }
        return out
    }
}

/// The error a throwing pipeline call raised, for asserting kind and message.
func pipelineError(_ body: () throws -> Void) -> PipelineError? {
    do {
        try body()
        return nil
    } catch let error as PipelineError {
        return error
    } catch {
        return PipelineError.failed(Bilingual(untranslated: "unexpected \(type(of: error)): \(error)"))
    }
}
