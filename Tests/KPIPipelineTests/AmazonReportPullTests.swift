import Foundation
import KPIPipeline
import KPIPull
import KPIPullTesting
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// SP-API reports through `kpibridge run`: LWA tokens, createReport → getReport polls →
/// getReportDocument → gzip download → amazon.all_orders, resumed by report id, with latency.
@Suite struct AmazonReportPullTests {
    static let reports = "/reports/2021-06-30/reports"

    static func streams(_ base: String, latency: Int = 0, polls: Int = 5) -> String {
        """
          - stream: amazon-orders
            api: amazon.report
            connector: amazon.all_orders
            report_type: GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL
            marketplace_ids: [ATVPDKIKX0DER]
            base_url: \(base)
            token_url: \(base)/auth/o2/token
            shop: amazon-us
            start: 2026-11-18
            latency_days: \(latency)
            max_days: 7
            poll_interval: 0.01
            poll_attempts: \(polls)
            keep_raw: true
            http: {attempts: 3, base_delay: 0.05, timeout: 5}
            credentials:
              client_id: file:credentials/lwa_client_id
              client_secret: file:credentials/lwa_client_secret
              refresh_token: file:credentials/lwa_refresh_token

        """
    }

    static func route(_ method: String, _ path: String, _ responses: [[String: Any]]) -> [String: Any] {
        ["method": method, "path": path, "responses": responses]
    }

    static func status(_ id: String, _ status: String, document: String? = nil) -> [String: Any] {
        var body: [String: Any] = ["reportId": id, "processingStatus": status]
        if let document { body["reportDocumentId"] = document }
        return ["json": body]
    }

    /// Token, create, the given polls of `id`, and its document as gzip.
    static func scenario(id: String, polls: [[String: Any]]) -> [String: Any] {
        ["routes": [
            route("POST", "/auth/o2/token", [["json": ["access_token": "Atza|access-one", "token_type": "bearer", "expires_in": 3600]],
                                             ["json": ["access_token": "Atza|access-two", "token_type": "bearer", "expires_in": 3600]]]),
            route("POST", reports, [["status": 202, "json": ["reportId": id]]]),
            route("GET", reports + "/" + id, polls),
            route("GET", "/reports/2021-06-30/documents/DOC-" + id,
                  [["json": ["reportDocumentId": "DOC-" + id, "compressionAlgorithm": "GZIP",
                             "url": "{{base}}/files/\(id).gz?X-Amz-Credential=AKIATEST%2F1&X-Amz-Signature=feedface0123"]]]),
            route("GET", "/files/\(id).gz", [["gzip_file": demoResponse("amazon_all_orders_report.txt")]]),
        ]]
    }

    /// Three polls (IN_QUEUE, then a 403 for an expired token, IN_PROGRESS, DONE): a new token is
    /// fetched once, the report's 7 days are those before today, and its orders load.
    @Test(arguments: StoreBackend.available) func threePollsATokenExpiryAndAGzipDocument(_ backend: StoreBackend) throws {
        let server = try MockAPIServer(scenario: Self.scenario(id: "R1", polls: [
            Self.status("R1", "IN_QUEUE"),
            ["status": 403, "json": ["errors": [["code": "Unauthorized", "message": "Access to requested resource is denied.",
                                                 "details": "The access token you provided has expired."]]]],
            Self.status("R1", "IN_PROGRESS"),
            Self.status("R1", "DONE", document: "DOC-R1"),
        ]))
        let ws = try pullWorkspace(Self.streams(server.base), backend: backend)
        var pipeline = try ws.pipeline()
        pipeline.now = at("2026-11-25T12:00:00Z")
        let report = try pipeline.run()
        #expect(report.problems.isEmpty)
        #expect(report.streams.first?.saved == StreamState(nextDay: "2026-11-25"))

        let requests = try server.requests()
        let create = try #require(requests.to(Self.reports, "POST").first)
        #expect(create.body == #"{"dataEndTime":"2026-11-24T23:59:59Z","dataStartTime":"2026-11-18T00:00:00Z","marketplaceIds":["ATVPDKIKX0DER"],"reportType":"GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL"}"#)
        #expect(create.headers["x-amz-access-token"] == "Atza|access-one")
        let polls = requests.to(Self.reports + "/R1")
        #expect(polls.map { $0.headers["x-amz-access-token"] ?? "-" } == ["Atza|access-one", "Atza|access-one", "Atza|access-two", "Atza|access-two"])
        let tokens = requests.to("/auth/o2/token", "POST")
        #expect(tokens.count == 2)
        #expect(tokens[0].body.contains("grant_type=refresh_token") && tokens[0].body.contains("client_id=amzn1.application-oa2-client.test"))
        // The pre-signed download carries no token.
        #expect(requests.to("/files/R1.gz").map { $0.headers["x-amz-access-token"] } == [nil])

        #expect(try ws.rows("orders", platform: "amazon").map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == [
            "amazon,112-1100001-0000001", "amazon,112-1100002-0000002", "amazon,112-1100003-0000003",
        ])
        #expect(try ws.rows("order_lines", platform: "amazon").count == 4)

        // Raw kept without the signature, the credential or any secret.
        let raw = ws.texts(under: "raw/amazon-orders")
        #expect(raw.contains { $0.contains("X-Amz-Signature=[redacted]") })
        #expect(!raw.contains { $0.contains("feedface0123") || $0.contains("AKIATEST") })
        for secret in pullSecrets + ["Atza|access-one", "Atza|access-two"] {
            #expect(!report.text.contains(secret) && !raw.contains { $0.contains(secret) })
        }

        // The same day again: nothing is due (yesterday is loaded), nothing is requested.
        try server.load(Self.scenario(id: "R2", polls: [Self.status("R2", "DONE", document: "DOC-R2")]))
        let again = try pipeline.run()
        #expect(again.streams.first?.notes == ["up to date: days through 2026-11-24 are loaded (0 days of latency)"])
        #expect(try server.requests().isEmpty)
    }

    /// A report still IN_PROGRESS after its polls is kept by id; the next run polls it rather than
    /// asking again. FATAL is reported and its days asked for again; CANCELLED counts as no data.
    @Test(arguments: StoreBackend.available) func resumedByIdFatalAndCancelled(_ backend: StoreBackend) throws {
        let server = try MockAPIServer(scenario: Self.scenario(id: "R7", polls: [Self.status("R7", "IN_PROGRESS")]))
        let ws = try pullWorkspace(Self.streams(server.base, latency: 3, polls: 2), backend: backend)
        var pipeline = try ws.pipeline()
        pipeline.now = at("2026-11-25T12:00:00Z")

        let waiting = try pipeline.run()
        #expect(waiting.problems.isEmpty && waiting.filesRead == 0)
        #expect(waiting.streams.first?.notes == ["report R7 for 2026-11-18..2026-11-21 still IN_PROGRESS after 2 polls; the next run resumes it"])
        // Three days of latency: the 22nd to the 24th are not asked for yet.
        #expect(try server.requests().to(Self.reports, "POST").first?.body.contains(#""dataEndTime":"2026-11-21T23:59:59Z""#) == true)
        #expect(try server.requests().to(Self.reports + "/R7").count == 2)
        #expect(try pipeline.streamStateReport().text.hasPrefix(
            "amazon-orders [amazon.report]: waiting for report R7 (2026-11-18..2026-11-21) · saved "))

        var ready = Self.scenario(id: "R7", polls: [Self.status("R7", "DONE", document: "DOC-R7")])
        ready["routes"] = (ready["routes"] as! [[String: Any]]).map { route in
            // Asking again would get another id: the test fails if it is asked.
            route["path"] as? String == Self.reports ? Self.route("POST", Self.reports, [["status": 202, "json": ["reportId": "R8"]]]) : route
        }
        try server.load(ready)
        let resumed = try pipeline.run()
        #expect(resumed.problems.isEmpty && resumed.filesRead == 1)
        #expect(try server.requests().to(Self.reports, "POST").isEmpty)
        #expect(try ws.rows("order_lines", platform: "amazon").count == 4)
        #expect(try pipeline.streamStates().map(\.state) == [#"{"next_day":"2026-11-22"}"#])

        pipeline.now = at("2026-11-30T12:00:00Z")
        try server.load(Self.scenario(id: "R9", polls: [Self.status("R9", "FATAL")]))
        let fatal = try pipeline.run()
        #expect(fatal.problems == ["stream amazon-orders: report R9 for 2026-11-22..2026-11-26 ended FATAL; the next run asks for those days again"])
        #expect(try pipeline.streamStates().map(\.state) == [#"{"next_day":"2026-11-22"}"#])

        try server.load(Self.scenario(id: "R10", polls: [Self.status("R10", "CANCELLED")]))
        let cancelled = try pipeline.run()
        #expect(cancelled.problems.isEmpty)
        #expect(try server.requests().to(Self.reports, "POST").first?.body.contains(#""dataStartTime":"2026-11-22T00:00:00Z""#) == true)
        #expect(cancelled.streams.first?.notes == ["report R10 for 2026-11-22..2026-11-26 was CANCELLED: no data for those days"])
        #expect(try pipeline.streamStates().map(\.state) == [#"{"next_day":"2026-11-27"}"#])
        #expect(try ws.rows("order_lines", platform: "amazon").count == 4)
    }
}
