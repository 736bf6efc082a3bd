import Foundation
import KPIPipeline

let shippedConnectors = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("connectors").path

/// A fresh copy of a fixture workspace in a temporary folder, removed when the test ends.
final class TemporaryWorkspace {
    let root: URL

    convenience init(_ fixture: String = "tiny") throws {
        try self.init(copying: Bundle.module.url(forResource: "Fixtures/\(fixture)", withExtension: nil)!)
    }

    private init(copying source: URL) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        // A local run of the sample leaves its store inside; tests start empty.
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".kpibridge"))
    }

    /// A fresh copy of the repository's sample workspace (samples/workspace).
    static func sample() throws -> TemporaryWorkspace {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try TemporaryWorkspace(copying: repository.appendingPathComponent("samples/workspace"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var path: String { root.path }

    func pipeline(store: String? = nil) throws -> Pipeline {
        try Pipeline(directory: path, storeOverride: store, builtinConnectors: [shippedConnectors])
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
        return PipelineError.failed("unexpected \(type(of: error)): \(error)")
    }
}
