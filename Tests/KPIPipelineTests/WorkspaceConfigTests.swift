import Foundation
import KPIPipeline
import KPISchema
import KPIWorkspace
import Testing

/// kpibridge.yaml is read strictly: a misspelt key is refused with its path and the closest key instead of
/// being ignored (a source's `shpo:` would file its orders under no shop; a top-level `stor:` would write
/// to the default store), and a missing key is named in words.
@Suite struct WorkspaceConfigTests {
    private func configError(_ edit: (String) -> String) throws -> PipelineError? {
        let ws = try TemporaryWorkspace.sample()
        let path = ws.root.appendingPathComponent("kpibridge.yaml")
        try edit(try String(contentsOf: path, encoding: .utf8)).write(to: path, atomically: true, encoding: .utf8)
        return pipelineError { _ = try ws.pipeline() }
    }

    @Test func aMisspeltSourceKeyIsRefusedWithTheClosestKey() throws {
        let error = try configError { $0.replacingOccurrences(of: "    shop: amazon-us\n", with: "    shpo: amazon-us\n") }
        #expect(error?.kind == .failed)
        #expect(error?.message == "kpibridge.yaml: unknown key `sources[0].shpo` (did you mean `shop`?); "
            + "allowed here: connector, currency, files, fresh_within, period, platform, same_order, shop, shop_from, timezone")
    }

    @Test func aMisspeltTopLevelKeyIsRefused() throws {
        let error = try configError { $0.replacingOccurrences(of: "store: sqlite:", with: "stor: sqlite:") }
        #expect(error?.message.hasPrefix("kpibridge.yaml: unknown key `stor` (did you mean `store`?); allowed here: ") == true)
    }

    @Test func aMisspeltStreamSettingIsRefused() throws {
        let error = try configError {
            $0 + "streams:\n  - stream: shop\n    api: shopify.orders\n    base_url: https://example.myshopify.com\n"
                + "    http:\n      atempts: 3\n"
        }
        #expect(error?.message == "kpibridge.yaml: unknown key `streams[0].http.atempts` (did you mean `attempts`?); "
            + "allowed here: attempts, base_delay, max_delay, timeout")
    }

    /// A value of the wrong kind says what the key wants, not what Swift's decoder expected; broken syntax
    /// says where, in both languages.
    @Test func aValueOfTheWrongKindSaysWhatTheKeyWants() throws {
        let files = try configError { $0.replacingOccurrences(of: "    files: inbox/amazon/*.txt\n", with: "    files: [inbox/amazon/*.txt, [x]]\n") }
        #expect(files?.sentence == Bilingual("kpibridge.yaml: at `sources[0].files`: expected a single value",
                                             "kpibridge.yaml：`sources[0].files` 处：应为单个值"))
        let retention = try configError { $0.replacingOccurrences(of: "store: sqlite:", with: "retention: {history_months: six}\nstore: sqlite:") }
        #expect(retention?.sentence == Bilingual("kpibridge.yaml: at `retention.history_months`: expected a whole number",
                                                 "kpibridge.yaml：`retention.history_months` 处：应为整数"))
        let syntax = try configError { $0.replacingOccurrences(of: "store: sqlite:", with: "oops: [\nstore: sqlite:") }
        #expect(syntax?.sentence.en.hasPrefix("kpibridge.yaml: not valid YAML: ") == true)
        #expect(syntax?.sentence.zh.hasPrefix("kpibridge.yaml：YAML 语法有误：") == true)
        #expect(syntax?.sentence.en.contains(":") == true && syntax?.sentence.en.contains("error: ") == true)
    }

    @Test func aMissingKeyIsNamed() throws {
        let error = try configError { $0.replacingOccurrences(of: "    files: inbox/amazon/*.txt\n", with: "") }
        #expect(error?.message == "kpibridge.yaml: missing key `sources[0].files`")
    }

    /// A named inbox that does not exist is an error (a typo would otherwise read nothing, exit 0); a
    /// workspace that names none and has none only pulls from its streams.
    @Test func aNamedInboxThatDoesNotExistIsAnError() throws {
        let ws = try TemporaryWorkspace.sample()
        let path = ws.root.appendingPathComponent("kpibridge.yaml")
        try (try String(contentsOf: path, encoding: .utf8)).replacingOccurrences(of: "inbox: inbox\n", with: "inbox: inbx\n")
            .write(to: path, atomically: true, encoding: .utf8)
        #expect(pipelineError { _ = try ws.pipeline().run() }?.message
                == "kpibridge.yaml: inbox `inbx` does not exist; create it or correct `inbox:`")
    }
}
