import Foundation
import KPIPipeline
import KPIPullTesting
import KPISchema
import KPIStoreTesting

/// A workspace with no inbox files and the given `streams:` (YAML), pointed at a mock API server.
func pullWorkspace(_ streams: String, backend: StoreBackend = .sqlite) throws -> TemporaryWorkspace {
    let ws = try TemporaryWorkspace("tiny", backend: backend)
    try FileManager.default.removeItem(at: ws.root.appendingPathComponent("inbox"))
    // The demo's orders are from November 2026: the sample workspace's rates cover it.
    let rates = URL(fileURLWithPath: MockAPIServer.script).deletingLastPathComponent().appendingPathComponent("fx_rates.csv")
    try ws.write("fx_rates.csv", try String(contentsOf: rates, encoding: .utf8))
    try ws.write("kpibridge.yaml", "store: sqlite:.kpibridge/warehouse.sqlite\nsources: []\nstreams:\n" + streams)
    try ws.write("credentials/shopify_token", "shpat_test_secret_4242\n")
    try ws.write("credentials/lwa_client_id", "amzn1.application-oa2-client.test\n")
    try ws.write("credentials/lwa_client_secret", "lwa-client-secret-test-9911\n")
    try ws.write("credentials/lwa_refresh_token", "Atzr|refresh-token-test-5150\n")
    try ws.write("credentials/tiktok_app_key", "tt-app-key-6006\n")
    try ws.write("credentials/tiktok_app_secret", "tt-app-secret-7117\n")
    try ws.write("credentials/tiktok_access_token", "tt-access-token-8228\n")
    return ws
}

/// Every credential value the pull workspaces hold: none may show up in an output.
let pullSecrets = ["shpat_test_secret_4242", "lwa-client-secret-test-9911", "Atzr|refresh-token-test-5150",
                   "tt-app-secret-7117", "tt-access-token-8228"]

/// A fixed clock for a run.
func at(_ iso: String) -> @Sendable () -> Instant {
    let instant = Instant(iso8601: iso)!
    return { instant }
}

/// The demo response file's absolute path, for `file` and `gzip_file` replies.
func demoResponse(_ name: String) -> String { MockAPIServer.responses + "/" + name }

extension TemporaryWorkspace {
    /// The exported rows of `table` for one platform (header dropped).
    func rows(_ table: String, platform: String) throws -> [String] {
        try export(table).split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix(platform + ",") }
    }

    /// Every file under `folder` (workspace-relative) as text.
    func texts(under folder: String) -> [String] {
        let root = self.root.appendingPathComponent(folder).path
        let names = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return names.compactMap { try? String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
    }
}

extension Array where Element == MockAPIServer.Request {
    func to(_ path: String, _ method: String = "GET") -> [MockAPIServer.Request] { filter { $0.path == path && $0.method == method } }
}
