import Foundation
@testable import KPIPull
import Testing

@Suite struct SecretsTests {
    @Test func redactorHidesValuesAndSignedParameters() {
        let redactor = Redactor(secrets: ["shpat_1234567890", "abc"])
        #expect(redactor.redact("token shpat_1234567890 used") == "token [redacted] used")
        // Too short to hide safely: left.
        #expect(redactor.redact("abc") == "abc")
        #expect(redactor.redact("https://s3.test/doc.gz?X-Amz-Algorithm=AWS4&X-Amz-Credential=AKIA%2F1&X-Amz-Signature=5f2b")
                == "https://s3.test/doc.gz?X-Amz-Algorithm=AWS4&X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]")
        #expect(redactor.redact(#"{"access_token":"Atza|x","expires_in":3600}"#) == #"{"access_token":"[redacted]","expires_in":3600}"#)
        #expect(redactor.redact("/search?app_key=k&sign=9a8b&timestamp=1") == "/search?app_key=k&sign=[redacted]&timestamp=1")
        // A longer name ending in a sensitive one is not touched.
        #expect(redactor.redact("design=blue&consign=x") == "design=blue&consign=x")
    }

    /// A token with `/ + = _ %` comes back from APIs and logs in many spellings; each is hidden.
    @Test func everyEncodingOfASecretIsHidden() throws {
        let token = "Ab/9+cD=e_f%g"
        let redactor = Redactor(secrets: [token, "client-7"])
        let spellings = [
            token,
            #"Ab\/9+cD=e_f%g"#,                                  // JSON with `\/`
            #"Ab\u002F9\u002bcD\u003De_f\u0025g"#,              // JSON \u escapes, both cases
            "Ab%2F9%2BcD%3De_f%25g",                               // percent-encoded, upper-case hex
            "Ab%2f9%2bcD%3de_f%25g",                               // lower-case hex
            "Ab%2F9+cD%3De_f%25g",                                 // a query that left `+` alone
            Data(token.utf8).base64EncodedString(),
            Data("client-7:\(token)".utf8).base64EncodedString(),  // Authorization: Basic
        ]
        for spelling in spellings {
            #expect(redactor.redact("error: {\"message\":\"bad token \(spelling)\"}") == "error: {\"message\":\"bad token [redacted]\"}",
                    "\(spelling)")
        }
        #expect(redactor.redact("Ab/9 and cD=e") == "Ab/9 and cD=e")
    }

    @Test func credentialsComeFromTheEnvironmentOrAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-cred-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "file-secret-value\n".write(to: folder.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let resolved = try Credentials.resolve(["a": "env:KPI_TEST_A", "b": "file:token"], stream: "s",
                                               environment: ["KPI_TEST_A": "env-secret-value"]) { folder.appendingPathComponent($0).path }
        #expect(try resolved.require("a", stream: "s") == "env-secret-value")
        #expect(try resolved.require("b", stream: "s") == "file-secret-value")
        #expect(Set(resolved.secrets) == ["env-secret-value", "file-secret-value"])

        func failure(_ refs: [String: String], env: [String: String] = [:]) -> String {
            do {
                _ = try Credentials.resolve(refs, stream: "shop", environment: env) { folder.appendingPathComponent($0).path }
                return "no error"
            } catch { return error.description }
        }
        #expect(failure(["access_token": "env:NOPE"]) == "stream shop: credential `access_token`: environment variable NOPE is not set")
        #expect(failure(["access_token": "shpat_literal_value"])
                == "stream shop: credential `access_token` must be `env:VARIABLE` or `file:PATH` (a value written into kpibridge.yaml is refused)")
        #expect(failure(["access_token": "file:missing"]) == "stream shop: credential `access_token`: file missing is missing, empty or not UTF-8")
    }

    /// TikTok's signature, against a value computed independently with Python's hmac module.
    @Test func tiktokSignatureMatchesAKnownAnswer() {
        let query = ["app_key": "abc", "timestamp": "1700000000", "page_size": "50", "shop_cipher": "ROW_x",
                     "access_token": "tok", "sign": "ignored"]
        #expect(TikTokSignature.sign(path: "/order/202309/orders/search", query: query, body: Data(#"{"update_time_ge":1}"#.utf8),
                                     secret: "s3cret") == "7935d09c3ea341a7d954a9860a390599554c9362942ab3f2d9d1897cc34f553c")
    }
}
