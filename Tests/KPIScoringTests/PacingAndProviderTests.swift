import Foundation
import KPIFacts
import KPISchema
import Testing
@testable import KPIScoring

@Suite struct PacingAndProviderTests {
    typealias V = TargetSchedule.Version

    /// Run on 2026-11-11: full days 1–10 of 30 counted, elapsed 10 / 30 = 0.3333.
    ///  orders 30, target 100: projected 30 / 0.3333 = 90.009 → shortfall 0.0999 → on_track.
    ///  gmv 30, target 150: projected 90.009 → shortfall (150 − 90.009) / 150 = 0.3999 → at_risk.
    ///  fulfillment hours (lower) 30 vs 24, a mean so not projected: (30 − 24) / 24 = 0.25 → behind.
    @Test func midPeriodProjection() throws {
        let card = Scorecard(name: "ops", title: "ops", lines: [
            Team.metricLine(.orders, weight: 40, targets: [V(value: 100)]),
            Team.metricLine(.gmv, weight: 30, targets: [V(value: 150)]),
            Team.metricLine(.fulfillmentHours, weight: 30, targets: [V(value: 24)]),
        ])
        let e = Employee(id: "E1", name: "a", role: "ops")
        let facts = [Team.fact(.orders, "30", id: "E1", period: Team.november), Team.fact(.gmv, "30", id: "E1", period: Team.november),
                     Team.fact(.fulfillmentHours, "30", id: "E1", period: Team.november)]
        let policy = Team.policy([card], roles: ["ops": "ops"])
        let scores = Scorer(policy: policy, inputs: ScoringInputs(facts: facts, roster: [e], flat: [])).score(e, period: Team.november)
        let pacing = Pacer(policy: policy).pace(scores, today: Team.day("2026-11-11"))
        func row(_ line: String) -> PacingFact? { pacing.first { $0.line == line } }
        #expect(pacing.count == 3)
        #expect(row("orders")?.asOf == Team.day("2026-11-10"))
        #expect(row("orders")?.elapsedShare == Team.d("0.3333"))
        #expect(row("orders")?.projected == Team.d("90.009"))
        #expect(row("orders")?.gap == Team.d("0.0999"))
        #expect(row("orders")?.status == .onTrack)
        #expect(row("gmv")?.gap == Team.d("0.3999"))
        #expect(row("gmv")?.status == .atRisk)
        #expect(row("fulfillment_hours")?.projected == 30)
        #expect(row("fulfillment_hours")?.gap == Team.d("0.25"))
        #expect(row("fulfillment_hours")?.status == .behind)
        // A closed period is not paced.
        #expect(Pacer(policy: policy).pace(scores, today: Team.day("2026-12-01")).isEmpty)
    }

    static func month(_ m: Int) -> Period { Grain.month.period(containing: CivilDate(year: 2026, month: m, day: 1)!) }

    /// Threshold csat ≥ 0.85. July 0.80 fails → warning; August 0.82 fails again → downgraded;
    /// September 0.90 passes → back to the pool; October has no csat → no_data, tier unchanged.
    /// November is still open on 2026-11-22 and is not judged.
    @Test func providerWalksPoolWarningDowngradedAndBack() {
        let provider = Employee(id: "P1", name: "星河代运营", role: "provider", hiredOn: Team.day("2026-07-01"))
        var facts = [("0.80", 7), ("0.82", 8), ("0.90", 9), ("0.70", 11)].map {
            Team.fact(.csat, $0.0, scope: .provider, id: "P1", period: Self.month($0.1), profile: "us")
        }
        facts += (7...11).map { Team.fact(.orders, "9", scope: .company, id: "all", period: Self.month($0)) }
        let policy = ProviderPolicy(thresholds: [.init(metric: .csat, profile: "us", limit: Team.d("0.85"), atLeast: true)])
        let history = ProviderTiers(policy: policy, inputs: ScoringInputs(facts: facts, roster: [provider], flat: []))
            .history(today: Team.day("2026-11-22"))
        #expect(history.map { "\($0.before.rawValue)→\($0.after.rawValue) \($0.result.rawValue)" } == [
            "pool→warning fail", "warning→downgraded fail", "downgraded→pool pass", "pool→pool no_data",
        ])
        #expect(history[0].failing == "csat 0.8 < 0.85")
        #expect(history[1].consecutiveFails == 2)
        #expect(history[2].consecutivePasses == 1)
    }

    /// With two trial periods a new provider stays on probation after one pass and enters the pool
    /// after the second; three failing periods in a row terminate, and terminated is final.
    @Test func probationThenTermination() {
        let newcomer = Employee(id: "P2", name: "n", role: "provider")
        let failing = Employee(id: "P3", name: "f", role: "provider")
        var facts = (7...10).map { Team.fact(.orders, "9", scope: .company, id: "all", period: Self.month($0)) }
        facts += [7, 8].map { Team.fact(.onTimeShipRate, "0.95", scope: .provider, id: "P2", period: Self.month($0), profile: "us") }
        facts += [7, 8, 9].map { Team.fact(.onTimeShipRate, "0.5", scope: .provider, id: "P3", period: Self.month($0), profile: "us") }
        facts.append(Team.fact(.onTimeShipRate, "0.99", scope: .provider, id: "P3", period: Self.month(10), profile: "us"))
        let policy = ProviderPolicy(thresholds: [.init(metric: .onTimeShipRate, profile: "us", limit: Team.d("0.9"), atLeast: true)],
                                    probationPeriods: 2)
        let history = ProviderTiers(policy: policy, inputs: ScoringInputs(facts: facts, roster: [newcomer, failing], flat: []))
            .history(today: Team.day("2026-11-22"))
        #expect(history.filter { $0.provider == "P2" }.map(\.after) == [.probation, .pool, .pool, .pool])
        #expect(history.filter { $0.provider == "P3" }.map(\.after) == [.probation, .probation, .terminated, .terminated])
    }
}
