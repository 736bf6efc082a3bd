import Foundation
import KPIPipeline
import KPIStore
import KPIStoreTesting
import KPIWorkspace
import Testing

/// The store file outside the transaction: created whole, never initialized over, opened read-only by the
/// reading commands, and damage named with the way back.
@Suite struct StoreFileTests {
    /// A warehouse truncated to 0 bytes used to be taken for a new store, silently starting over with no
    /// history. kpibridge creates its stores whole, so an empty file is refused and left as it is.
    @Test func anEmptyStoreFileIsRefusedNotInitializedOver() throws {
        let ws = try TemporaryWorkspace()
        let store = ws.path + "/.kpibridge/warehouse.sqlite"
        try ws.write(".kpibridge/warehouse.sqlite", "")
        #expect(pipelineError { _ = try ws.pipeline() }?.message == "store sqlite:\(store) is an empty file (0 bytes), so its history "
            + "is gone or it was never a store; nothing was changed: restore it from a backup, or move it away to start a new, empty store")
        #expect(try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int == 0)
    }

    /// A new store appears whole: no temporary file is left beside it, and it opens as an up-to-date store.
    @Test func aNewStoreIsCreatedWhole() throws {
        let ws = try TemporaryWorkspace()
        let pipeline = try ws.pipeline()
        let folder = ws.path + "/.kpibridge"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix(".new") || $0.contains(".new-") })
        let store = try #require(pipeline.store as? any SQLStore)
        #expect(try store.read { try $0.count("SELECT count(*) FROM runs") } == 0)
    }

    /// Reading commands open the store read-only: they read what a run wrote, and cannot write.
    @Test(arguments: StoreBackend.available) func readingCommandsCannotWrite(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        _ = try ws.pipeline().run()
        let written = try ws.export("fact_metric")
        let reader = try ws.pipeline(access: .readOnly)
        var read = ""
        try TableExporter(format: .csv).export("fact_metric", from: reader.store) { read += $0 }
        #expect(read == written && !written.isEmpty)
        let sql = try #require(reader.store as? any SQLStore)
        let refusal = #expect(throws: (any Error).self) { try sql.write { try $0.execute("DELETE FROM fact_metric", []) } }
        // SQLite: "attempt to write a readonly database"; PostgreSQL: SQLSTATE 25006, read-only transaction.
        #expect("\(refusal.map { "\($0)" } ?? "")".contains(backend == .sqlite ? "readonly database" : "25006"))
        #expect(try ws.export("fact_metric") == written)
    }

    /// Damaged pages are named as damage, with how to confirm it and the way back, instead of a bare
    /// SQLite error; the command that met them commits nothing.
    @Test func aDamagedStoreIsNamedWithTheWayBack() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        let store = ws.path + "/.kpibridge/warehouse.sqlite"
        // Every page after the first (the schema) overwritten: the tables' b-trees are garbage.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        #expect(bytes.count > 8192)
        bytes.replaceSubrange(4096..<bytes.count, with: Data(repeating: 0x5A, count: bytes.count - 4096))
        try bytes.write(to: URL(fileURLWithPath: store))
        let message = pipelineError { _ = try ws.export("fact_metric") }?.message ?? ""
        #expect(message.contains("store sqlite:\(store): the store file is damaged (SQLite: "))
        #expect(message.hasSuffix("nothing of this command was committed after it was found: confirm with "
            + "`sqlite3 '\(store)' 'PRAGMA integrity_check'` and restore the file from a backup"))
    }
}
