import Foundation
import KPIFacts
import KPIPipeline
import KPISchema
import KPIStoreTesting
import Testing

/// The sample workspace is the product's demonstration: every metric of the catalog has a value in
/// October 2026 under both teams' definitions, so a new metric without sample inputs fails here.
@Suite struct SampleCoverageTests {
    @Test func everyCatalogMetricHasAnOctoberValueForBothProfiles() throws {
        let ws = try TemporaryWorkspace.sample()
        var pipeline = try ws.pipeline()
        pipeline.now = { Instant(iso8601: "2026-11-22T02:00:00Z")! }
        _ = try pipeline.run()
        var seen: [String: Set<String>] = [:]
        for line in try ws.export("fact_metric").split(separator: "\r\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[0] == "month", c[1] == "2026-10-01" { seen[c[7], default: []].insert(c[6]) }
        }
        let catalog = Set(MetricID.allCases.map(\.rawValue))
        for profile in ["cn", "us"] {
            #expect(catalog.subtracting(seen[profile] ?? []).sorted() == [], "metrics without an October value under \(profile)")
        }
    }
}
