import Foundation
import KPISchema
import Testing
@testable import KPIReport

/// Chart geometry checked against coordinates worked out by hand from the fixed canvas:
/// 360 × 170, plot from x 62 to 274 (212 wide) and from y 12 to 144 (132 high).
@Suite struct TrendChartTests {
    let months = ["2026-08", "2026-09", "2026-10"].map { Period(naming: $0, grain: nil)! }

    @Test func axisStepsAreRound() {
        // 0…82,609: a quarter of the span is 20,652 → the next round step is 25,000.
        let gmv = AxisScale(low: 0, high: 82609)
        #expect(gmv.step == 25000)
        #expect(gmv.ticks == [0, 25000, 50000, 75000, 100000])
        // 0…1: 0.25 steps; a flat series still gets a range.
        #expect(AxisScale(low: 0, high: 1).ticks == [0, 0.25, 0.5, 0.75, 1])
        #expect(AxisScale(low: 0, high: 0).ticks == [0, 0.25])
    }

    @Test func missingPeriodBreaksTheLine() throws {
        // Scale 0…20 (step 5). August has no value; September 10 sits at x 62 + 212/2 = 168,
        // y 12 + 132 × (1 − 10/20) = 78; October 20 at x 274, y 12.
        let chart = try #require(TrendChart(title: "Orders", subtitle: "cn", ariaLabel: "Orders trend chart", periods: months,
                                            unit: "count", lines: [.init(name: "cn", values: [nil, 10, 20])]))
        let line = try #require(chart.series.first)
        #expect(line.segments.map(\.points) == ["168.0,78.0 274.0,12.0"])
        #expect(line.dots.map(\.title) == ["cn 2026-09: 10", "cn 2026-10: 20"])
        #expect(chart.ticks.map(\.label) == ["0", "5", "10", "15", "20"])
        #expect(chart.ticks.map(\.y) == ["144.0", "111.0", "78.0", "45.0", "12.0"])
        #expect(chart.xLabels.map(\.x) == ["62.0", "168.0", "274.0"])
    }

    @Test func aGapInTheMiddleMakesTwoSegmentsAndALoneDot() throws {
        let chart = try #require(TrendChart(title: "t", subtitle: "", ariaLabel: "", periods: months + [months[2].next],
                                            unit: "count", lines: [.init(name: "us", values: [4, nil, 8, 8])]))
        // Scale 0…8 (step 2): x at 62, 132.7, 203.3, 274; y(4) = 12 + 132 × 0.5 = 78, y(8) = 12.
        // August stands alone (a dot, no segment); October–November is one segment.
        #expect(chart.series[0].segments.map(\.points) == ["203.3,12.0 274.0,12.0"])
        #expect(chart.series[0].dots.map(\.x) == ["62.0", "203.3", "274.0"])
    }

    @Test func noValueNoChart() {
        #expect(TrendChart(title: "t", subtitle: "", ariaLabel: "", periods: months, unit: "count",
                           lines: [.init(name: "cn", values: [nil, nil, nil])]) == nil)
    }
}

private extension Period {
    var next: Period { grain.period(containing: end.adding(days: 1)) }
}
