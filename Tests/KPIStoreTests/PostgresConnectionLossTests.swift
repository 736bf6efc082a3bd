import Foundation
import KPIStore
import KPIStorePostgres
import KPIStoreTesting
import Testing

/// A store whose connection the server ends (a restart, `pg_terminate_backend`) fails its next statement
/// at once with one plain sentence; before, a query sent as the connection closed was never answered and
/// the run waited forever, holding nothing but a dead socket (Reliability/crash.py).
@Suite(.enabled(if: TestPostgres.isConfigured)) struct PostgresConnectionLossTests {
    @Test func aTerminatedSessionFailsTheNextStatementWithoutWaiting() throws {
        let url = try TestPostgres.freshURL()
        let victim = try PostgresStore(location: PostgresLocation(url: url))
        let killer = try PostgresStore(location: PostgresLocation(url: url))
        let pid = try victim.read { try $0.rows("SELECT pg_backend_pid()", []) }.first?.first
        guard case .integer(let backend)? = pid else { Issue.record("no backend pid"); return }
        _ = try killer.write { try $0.rows("SELECT pg_terminate_backend(\(backend))", []) }
        let started = Date()
        let error = #expect(throws: PostgresStoreError.self) { try victim.read { try $0.rows("SELECT 1", []) } }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error?.description == "PostgreSQL: the connection was lost (server restarted, session terminated or network down); "
            + "the current transaction was rolled back and nothing more is written")
    }
}
