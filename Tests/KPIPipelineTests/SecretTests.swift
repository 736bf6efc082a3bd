import Foundation
import KPIStoreTesting
import Testing

/// A store password, planted in the URL or the environment, never shows in what kpibridge writes:
/// its output and JSON log, the `runs` table, `status`, or the error of a failed login.
@Suite(.serialized) struct SecretTests {
    /// The real password the tests log in with, when it is distinctive enough to grep for (CI's is).
    static let password: String? = {
        guard let password = ProcessInfo.processInfo.environment["PGPASSWORD"], let url = TestPostgres.url,
              password.count >= 12, !url.contains(password) else { return nil }
        return password
    }()

    /// `url` with `password` written into its user part.
    static func withPassword(_ url: String, _ password: String) -> String {
        guard let at = url.firstIndex(of: "@") else { return url }
        return String(url[..<at]) + ":" + password + String(url[at...])
    }

    /// Runs the binary with `arguments` and `environment` changes; exit code and everything it printed.
    static func run(_ arguments: [String], environment: [String: String?]) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = try ProcessTests.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: password != nil || TestPostgres.isRequired && TestPostgres.isConfigured))
    func theStorePasswordInTheURLNeverReachesOutputsOrTheStore() throws {
        let password = try #require(Self.password, "CI must log in with a password distinct from the URL (see .ci/run)")
        let ws = try TemporaryWorkspace()
        let store = Self.withPassword(try TestPostgres.freshURL(), password)
        #expect(store.contains(":\(password)@"))
        var seen = ""
        for arguments in [["run", "--log-format", "json"], ["run"], ["status"], ["export", "--table", "runs"],
                          ["export", "--table", "load_ledger"], ["export", "--table", "quarantine"], ["validate"]] {
            let (code, output) = try Self.run(arguments + ["--workspace", ws.path, "--store", store],
                                              environment: ["PGPASSWORD": nil])
            #expect(code == 0, "\(arguments): \(output.suffix(300))")
            seen += output
        }
        #expect(seen.contains("store postgres://"))  // the store is named, without its password
        #expect(!seen.contains(password))
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aWrongPasswordIsNotEchoedWhenTheLoginFails() throws {
        let ws = try TemporaryWorkspace()
        let planted = "planted-\(UUID().uuidString)"
        let url = try TestPostgres.freshURL()
        for (store, environment) in [(Self.withPassword(url, planted), ["PGPASSWORD": nil] as [String: String?]),
                                     (url, ["PGPASSWORD": planted])] {
            let (code, output) = try Self.run(["run", "--workspace", ws.path, "--store", store, "--log-format", "json"],
                                              environment: environment)
            #expect(code == 1)
            #expect(output.contains("password authentication failed"), "\(output.suffix(300))")
            #expect(!output.contains(planted))
        }
    }
}
