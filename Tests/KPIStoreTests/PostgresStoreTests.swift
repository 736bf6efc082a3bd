import Foundation
import KPISchema
import KPIStore
@testable import KPIStorePostgres
import KPIStoreTesting
import Testing

/// What only PostgreSQL has: the URL and its password sources, placeholders, the derived schema,
/// advisory locking across connections, and errors that carry no secrets.
@Suite struct PostgresStoreTests {
    @Test func locationTakesItsPartsFromTheURL() throws {
        let location = try PostgresLocation(url: "postgres://kpi@db.internal:6543/warehouse?sslmode=require&schema=team_a",
                                            environment: [:])
        #expect(location.host == "db.internal" && location.port == 6543 && location.user == "kpi")
        #expect(location.database == "warehouse" && location.tls == .require && location.schema == "team_a")
        #expect(location.password == nil)
        #expect(location.description == "postgres://kpi@db.internal:6543/warehouse?schema=team_a")
        let defaults = try PostgresLocation(url: "postgresql://kpi@/warehouse", environment: [:])
        #expect(defaults.host == "localhost" && defaults.port == 5432 && defaults.tls == .prefer && defaults.schema == nil)
    }

    @Test func passwordComesFromTheURLThenPGPASSWORDThenThePasswordFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            # host:port:database:user:password
            other:5432:*:kpi:wrong
            db:*:warehouse:kpi:from\\:file
            """.write(to: file, atomically: true, encoding: .utf8)
        let url = "postgres://kpi@db/warehouse"
        #expect(try PostgresLocation(url: url, environment: ["PGPASSFILE": file.path]).password == "from:file")
        #expect(try PostgresLocation(url: url, environment: ["PGPASSFILE": file.path, "PGPASSWORD": "env"]).password == "env")
        let inURL = try PostgresLocation(url: "postgres://kpi:s3cret@db/warehouse", environment: ["PGPASSWORD": "env"])
        #expect(inURL.password == "s3cret")
        #expect(!inURL.description.contains("s3cret"))
        #expect(try PostgresLocation(url: "postgres://kpi@elsewhere/warehouse", environment: ["PGPASSFILE": file.path]).password == nil)
    }

    @Test func badURLsAreRefusedWithTheReason() {
        func reason(_ url: String) -> String? {
            do { _ = try PostgresLocation(url: url, environment: [:]); return nil } catch { return error.reason.en }
        }
        #expect(reason("postgres://db/warehouse") == "no user name (postgres://USER@host/db)")
        // The whole sentence, password masked, in Chinese too.
        #expect(throws: StoreURLError(text: "postgres://kpi:s3cret@db/", reason: Bilingual("no database name (postgres://user@host/DB)",
                                                                                          "没有数据库名（`postgres://user@host/DB`）"))) {
            try PostgresLocation(url: "postgres://kpi:s3cret@db/", environment: [:])
        }
        #expect(StoreURLError(text: "postgres://kpi:s3cret@db/", reason: Bilingual("x", "某原因")).sentence.zh
                == "存储地址 `postgres://kpi:***@db/` 有误：某原因")
        #expect(reason("postgres://kpi@db/") == "no database name (postgres://user@host/DB)")
        #expect(reason("postgres://kpi@db/w?sslmode=maybe") == "sslmode must be one of disable, prefer, require, verify-full")
        #expect(reason("postgres://kpi@db/w?schema=x%22;DROP%20TABLE%20runs") == "schema must be lower-case letters, digits and `_`, starting with a letter or `_`")
        #expect(reason("postgres://kpi@db/w?timeout=3") == "unknown parameter `timeout`; known: sslmode, schema")
    }

    @Test func placeholdersAreNumberedOutsideQuotes() {
        #expect(PostgresParameters.numbered("SELECT '?', ?, \"a?\", ? FROM t WHERE x = ?")
                == "SELECT '?', $1, \"a?\", $2 FROM t WHERE x = $3")
    }

    @Test func aServerThatIsNotThereIsNamedWithoutThePassword() throws {
        let location = try PostgresLocation(url: "postgres://kpi:s3cret@127.0.0.1:1/warehouse?sslmode=disable", environment: [:])
        let error = #expect(throws: PostgresStoreError.self) { try PostgresStore(location: location) }
        #expect(error?.message.hasPrefix("cannot connect to postgres://kpi@127.0.0.1:1/warehouse: PostgreSQL") == true)
        #expect(error?.message.contains("s3cret") == false)
    }

    @Test(.enabled(if: TestPostgres.isConfigured, "KPIBRIDGE_TEST_POSTGRES is not set"))
    func tablesMatchTheSQLiteSchemaColumnForColumn() throws {
        let store = try TestPostgres.freshStore()
        let reference = try ReferenceSchema.current()
        for table in reference.tables {
            let columns = try store.read { session in
                try session.rows("""
                    SELECT column_name, data_type, coalesce(collation_name, ''), is_nullable FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
                    """, [.text(table.name)])
            }
            let expected: [[TableValue]] = table.columns.map { column in
                let (type, collation) = switch column.type {
                case .text: ("text", "C")
                case .integer: ("bigint", "")
                case .numeric: ("numeric", "")
                }
                return [.text(column.name), .text(type), .text(collation),
                        .text(column.notNull || column.generated || table.primaryKey.contains(column.name) ? "NO" : "YES")]
            }
            #expect(columns == expected, "\(table.name)")
        }
        let views = try store.read { try $0.rows("SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() ORDER BY 1", []) }
        #expect(views.map { $0[0] } == ReportingView.all.map { .text($0.table.name) }.sorted { "\($0)" < "\($1)" })
        // Opening again finds every migration applied and changes nothing.
        let again = try PostgresStore(location: store.location)
        #expect(try again.read { try $0.count("SELECT count(*) FROM kpibridge_schema", []) } == reference.migrations.count)
    }

    @Test(.enabled(if: TestPostgres.isConfigured, "KPIBRIDGE_TEST_POSTGRES is not set"))
    func theRunLockExcludesOtherConnectionsAndIsFreedOnRelease() throws {
        let first = try TestPostgres.freshStore()
        let second = try PostgresStore(location: first.location)
        let holder = RunHolder(pid: 77, host: "cron-b", command: "run", since: Instant(iso8601: "2026-11-23T02:30:00Z")!)
        var lease: (any RunLease)? = try first.acquireRunLock(holder)
        #expect(lease?.takenOver == nil)
        let busy = #expect(throws: RunLockBusy.self) { try second.acquireRunLock(holder) }
        #expect(busy?.holder == holder)
        #expect(busy?.lock == "advisory lock on \(first.location)")
        #expect(try second.runLockHolder() == holder)
        lease = nil
        #expect(try second.runLockHolder() == nil)
        let next = try second.acquireRunLock(holder)
        #expect(next.takenOver == nil)
    }

    @Test(.enabled(if: TestPostgres.isConfigured, "KPIBRIDGE_TEST_POSTGRES is not set"))
    func aFailedStatementSaysWhyWithoutItsValues() throws {
        let store = try TestPostgres.freshStore()
        let error = #expect(throws: PostgresStoreError.self) {
            try store.write { try $0.execute("INSERT INTO runs (command, started_at, status) VALUES (?, ?, NULL)", [.text("top-secret"), .text("x")]) }
        }
        #expect(error?.sqlState == "23502")
        #expect(error?.message.contains("null value in column \"status\"") == true)
        #expect(error?.message.contains("in `INSERT INTO runs (command, started_at, status) VALUES (?, ?, NULL)`") == true)
        #expect(error?.message.contains("top-secret") == false)
    }

    @Test func postgresIsTestedWhereItMustBe() {
        // Under CI, a missing server is a failure, never a quiet pass of the SQLite half.
        #expect(!TestPostgres.isRequired || TestPostgres.isConfigured, "CI must set KPIBRIDGE_TEST_POSTGRES")
    }
}
