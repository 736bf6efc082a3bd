import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// `period: from_name` reads a dateless report's period from its name, so a re-downloaded copy under
/// another name needs no new line in kpibridge.yaml.
@Suite struct SnapshotPeriodTests {
    @Test func theNameGivesTheSamePeriodAsTheConfig() throws {
        let stated = try TemporaryWorkspace.sample()
        _ = try stated.pipeline().run()
        let named = try TemporaryWorkspace.sample()
        let path = named.path + "/kpibridge.yaml"
        var config = try String(contentsOfFile: path, encoding: .utf8)
        config = config.replacingOccurrences(of: """
                files: inbox/amazon/traffic/BusinessReport-2026-10.csv
                shop: amazon-us
                currency: USD
                period: 2026-10
            """, with: """
                files: inbox/amazon/traffic/BusinessReport-*.csv
                shop: amazon-us
                currency: USD
                period: from_name
            """)
        #expect(config.contains("period: from_name"))
        try named.write("kpibridge.yaml", config)
        _ = try named.pipeline().run()
        #expect(try named.export("traffic") == (try stated.export("traffic")))
        #expect(try named.export("fact_metric") == (try stated.export("fact_metric")))

        // A new download whose name has no date fails asking for its period; nothing else changes.
        let original = try String(contentsOfFile: named.path + "/inbox/amazon/traffic/BusinessReport-2026-10.csv", encoding: .utf8)
        try named.write("inbox/amazon/traffic/BusinessReport-latest.csv", original + "\n")
        let report = try named.pipeline().run()
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.contains("BusinessReport-latest.csv covers with `period:`") == true)
        #expect(try named.export("fact_metric") == (try stated.export("fact_metric")))
    }
}
