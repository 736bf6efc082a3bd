import Foundation
import KPIStore
import KPIStorePostgres

/// The PostgreSQL server tests run against, named by `KPIBRIDGE_TEST_POSTGRES`
/// (e.g. `postgres://kpibridge@127.0.0.1/kpibridge_test?sslmode=disable`, password in `PGPASSWORD`).
///
/// Unset, the PostgreSQL cases are left out and say so; `.ci/run` starts a server and sets it, and
/// under `CI` a missing server fails the run instead of passing quietly.
package enum TestPostgres {
    package static let url: String? = ProcessInfo.processInfo.environment["KPIBRIDGE_TEST_POSTGRES"]
        .flatMap { $0.isEmpty ? nil : $0 }

    package static var isConfigured: Bool { url != nil }

    /// True where PostgreSQL must be tested (CI), so its absence is an error rather than a skip.
    package static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A URL naming a schema no other test uses, so each test starts with empty tables. Schemas are
    /// named `kpitest_<process>_<n>`; those of earlier test processes are dropped on first use.
    package static func freshURL() throws -> String {
        guard let url else { throw NotConfigured() }
        let number = counter.next()
        if number == 1 { try dropLeftovers(url) }
        let separator = url.contains("?") ? "&" : "?"
        return url + separator + "schema=kpitest_\(ProcessInfo.processInfo.processIdentifier)_\(number)"
    }

    /// A fresh store on its own schema.
    package static func freshStore() throws -> PostgresStore {
        try PostgresStore(location: PostgresLocation(url: try freshURL()))
    }

    private static func dropLeftovers(_ url: String) throws {
        let store = try PostgresStore(location: PostgresLocation(url: url + (url.contains("?") ? "&" : "?") + "schema=kpitest_admin"))
        let mine = "kpitest_\(ProcessInfo.processInfo.processIdentifier)_"
        let names: [String] = try store.read { session in
            try session.rows("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kpitest\\_%'", []).compactMap { row -> String? in
                guard case .text(let name) = row[0], name != "kpitest_admin", !name.hasPrefix(mine) else { return nil }
                return name
            }
        }
        // One transaction per schema: dropping many at once can outgrow the server's lock table.
        for name in names {
            try store.write { session in try session.execute("DROP SCHEMA \"\(name)\" CASCADE", []) }
        }
    }

    private static let counter = Counter()

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    package struct NotConfigured: Error, CustomStringConvertible {
        package var description: String { "KPIBRIDGE_TEST_POSTGRES is not set" }
    }
}

/// A store kind the store tests run against.
package enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    /// SQLite always; PostgreSQL when a test server is configured.
    package static var available: [StoreBackend] { TestPostgres.isConfigured ? [.sqlite, .postgres] : [.sqlite] }

    package var description: String { rawValue }

    /// An empty store of this kind.
    package func emptyStore() throws -> any SQLStore {
        switch self {
        case .sqlite: try SQLiteStore()
        case .postgres: try TestPostgres.freshStore()
        }
    }

    /// A `--store` value for an empty store of this kind; nil means the workspace's own SQLite file.
    package func storeOverride() throws -> String? {
        switch self {
        case .sqlite: nil
        case .postgres: try TestPostgres.freshURL()
        }
    }
}
