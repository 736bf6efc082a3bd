import Foundation
import KPISchema
import Testing
@testable import KPIFacts

/// docs/metrics.md is the product's catalog: it lists exactly the metrics the engine computes, in the
/// same order, each with the unit, direction and labels the code gives it.
@Suite struct MetricCatalogTests {
    static let catalog: String = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: repository.appendingPathComponent("docs/metrics.md"), encoding: .utf8)) ?? ""
    }()

    /// `### `gmv` — 销售额 / Sales (GMV)` headings, in order: id, zh, en.
    static var headings: [(id: String, zh: String, en: String)] {
        catalog.split(separator: "\n").compactMap { line -> (String, String, String)? in
            guard line.hasPrefix("### `") else { return nil }
            let rest = line.dropFirst(5)
            guard let tick = rest.firstIndex(of: "`") else { return nil }
            let labels = rest[rest.index(after: tick)...].replacingOccurrences(of: " — ", with: "", options: .anchored)
            let parts = labels.components(separatedBy: " / ")
            return (String(rest[..<tick]), parts.first ?? "", parts.dropFirst().joined(separator: " / "))
        }
    }

    /// Summary table rows: `| `gmv` | 销售额 | currency | higher | … |`.
    static var rows: [[String]] {
        catalog.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test func everyMetricHasASectionWithTheCodesLabels() {
        #expect(!Self.catalog.isEmpty, "docs/metrics.md is missing")
        #expect(Self.headings.map(\.id) == MetricID.allCases.map(\.rawValue))
        for heading in Self.headings {
            #expect(heading.zh == DisplayNames.metric(heading.id, .zh), "\(heading.id)")
            #expect(heading.en == DisplayNames.metric(heading.id, .en), "\(heading.id)")
        }
    }

    @Test func theSummaryTableStatesEachUnitAndDirection() {
        #expect(Self.rows.map { $0[0] } == MetricID.allCases.map { "`\($0.rawValue)`" })
        for (row, metric) in zip(Self.rows, MetricID.allCases) {
            #expect(row[1] == DisplayNames.metric(metric.rawValue, .zh), "\(metric)")
            #expect(row[2] == metric.unit, "\(metric)")
            #expect(row[3] == (metric.lowerIsBetter ? "lower" : "higher"), "\(metric)")
        }
    }
}
