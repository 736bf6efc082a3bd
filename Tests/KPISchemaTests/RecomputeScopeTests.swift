import KPISchema
import Testing

@Suite struct RecomputeScopeTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let growth: Set<String> = ["gmv_growth", "traffic_growth"]

    @Test func aChangeOnOneUTCDayRecomputesEveryPeriodItsLocalDaysFallIn() {
        // 31 Oct UTC is 30 Oct somewhere west and 1 Nov somewhere east: three days, the week of Monday
        // 26 Oct (26 Oct–1 Nov holds all three), October and November, and Q4.
        let scope = RecomputeScope(touching: [Self.day("2026-10-31")], growthMetrics: Self.growth)
        #expect(scope.periodCounts.map { "\($0.count) \($0.grain.rawValue)" } == ["1 quarter", "2 month", "1 week", "3 day"])
        #expect(scope.recomputes(.week, Self.day("2026-10-26")))
        #expect(!scope.recomputes(.week, Self.day("2026-11-02")))
        #expect(scope.recomputes(.month, Self.day("2026-11-01")))
        // The period after each recomputed one gets only its growth rows again.
        #expect(scope.growthOnly == [
            .init(grain: .day, start: Self.day("2026-11-02")), .init(grain: .week, start: Self.day("2026-11-02")),
            .init(grain: .month, start: Self.day("2026-12-01")), .init(grain: .quarter, start: Self.day("2027-01-01")),
        ])
        #expect(scope.replaces(.month, Self.day("2026-12-01"), metric: "gmv_growth"))
        #expect(!scope.replaces(.month, Self.day("2026-12-01"), metric: "gmv"))
        #expect(scope.replaces(.month, Self.day("2026-10-01"), metric: "gmv"))
        #expect(!scope.replaces(.month, Self.day("2026-09-01"), metric: "gmv_growth"))
    }

    @Test func recordsAreReadOverTheRecomputedPeriodsAndADayEitherSide() {
        let scope = RecomputeScope(touching: [Self.day("2026-03-15"), Self.day("2026-10-31")], growthMetrics: Self.growth)
        // Q1 widened: 31 Dec 2025 – 1 Apr 2026; Q4 widened: 30 Sep 2026 – 1 Jan 2027. Nothing between.
        func days(_ from: String, _ to: String) -> ClosedRange<Int> {
            Self.day(from).daysSinceEpoch...Self.day(to).daysSinceEpoch
        }
        #expect(scope.window == [days("2025-12-31", "2026-04-01"), days("2026-09-30", "2027-01-01")])
    }

    @Test func noChangedDaysMeansNothingToRecompute() {
        let scope = RecomputeScope(touching: [], growthMetrics: Self.growth)
        #expect(scope.isEmpty)
        #expect(scope.window.isEmpty)
    }
}
