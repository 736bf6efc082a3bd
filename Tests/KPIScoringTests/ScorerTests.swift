import Foundation
import KPIFacts
import KPISchema
import Testing
@testable import KPIScoring

/// Hand-computed scorecards for a small team (Team fixtures): every expected number is worked out
/// in the comments.
@Suite struct ScorerTests {
    typealias V = TargetSchedule.Version

    /// aov target 200 from 2026-09-01, raised to 248 from 2026-10-16 (15 days of October at 200,
    /// 16 at 248). Actual aov 223.20.
    ///  latest:   target 248 → achievement 223.20 / 248 = 0.9 → points 100 × 0.9 = 90 → B.
    ///  prorated: (200 × 15 + 248 × 16) / 31 = 6968 / 31 = 224.7742 → 223.20 / 224.7742 = 0.9930 → 99.30 → A.
    @Test func midMonthTargetChangeUnderBothRules() throws {
        let card = Scorecard(name: "ops", title: "平台运营", lines: [
            Team.metricLine(.aov, weight: 100, targets: [V(value: 200, from: Team.day("2026-09-01")),
                                                         V(value: 248, from: Team.day("2026-10-16"))]),
        ])
        let e1 = Employee(id: "E1", name: "王芳", role: "平台运营")
        let inputs = ScoringInputs(facts: [Team.fact(.aov, "223.20", id: "E1")], roster: [e1], flat: [])

        let latest = Scorer(policy: Team.policy([card], roles: ["平台运营": "ops"], rule: .latest), inputs: inputs).score(e1, period: Team.october)
        let l = try #require(Team.line(latest, "E1", "aov"))
        #expect(l.target == 248)
        #expect(l.targetBasis?.en == "248 from 2026-10-16, in force at period end; replaced 200 from 2026-09-01 (15d)")
        #expect(l.achievement == Team.d("0.9"))
        #expect(l.points == 90)
        #expect(Team.line(latest, "E1", "total")?.grade == "B")

        let prorated = Scorer(policy: Team.policy([card], roles: ["平台运营": "ops"], rule: .prorated), inputs: inputs).score(e1, period: Team.october)
        let p = try #require(Team.line(prorated, "E1", "aov"))
        #expect(p.target == Team.d("224.7742"))
        #expect(p.targetBasis?.en == "prorated by days: (200 × 15d + 248 × 16d) / 31d")
        #expect(p.targetBasis?.zh == "按天折算：(200 × 15d + 248 × 16d) / 31d")
        #expect(p.achievement == Team.d("0.993"))
        #expect(p.points == Team.d("99.3"))
        #expect(Team.line(prorated, "E1", "total")?.grade == "A")
    }

    /// conversion 0.10 vs target 0.08 → 1.25, capped at 1.2 → 60 of weight 50; attitude 9/10 → 0.9 → 45.
    /// Total would be 105 (A), but a false-advertising violation on 2026-10-21 vetoes: total 0, grade
    /// VETO, line points kept. A fake-orders record at 2026-10-31 17:30Z is 01:30 on 1 November in
    /// Shanghai, so it vetoes November, not October; a violation against a shop vetoes its owner.
    @Test func vetoZeroesTheTotalAndKeepsTheLines() throws {
        let card = Scorecard(name: "ops", title: "平台运营", lines: [
            Team.metricLine(.conversionRate, weight: 50, targets: [V(value: Team.d("0.08"))]),
            Team.ratingLine("工作态度", weight: 50),
        ])
        let e1 = Employee(id: "E1", name: "王芳", role: "平台运营", shops: ["amazon-us"])
        let e2 = Employee(id: "E2", name: "李雷", role: "平台运营", shops: ["shopify-dtc"])
        let flat = [Team.rating("E1", "工作态度", "9"), Team.rating("E2", "工作态度", "9"),
                    Team.violation("V-7", employee: "E1", kind: "false_advertising", at: "2026-10-21T02:00:00Z"),
                    Team.violation("V-8", employee: nil, shop: "shopify-dtc", kind: "fake_orders", at: "2026-10-31T17:30:00Z")]
        let inputs = ScoringInputs(facts: [Team.fact(.conversionRate, "0.10", id: "E1"), Team.fact(.conversionRate, "0.10", id: "E2"),
                                           Team.fact(.conversionRate, "0.10", id: "E2", period: Team.november)],
                                   roster: [e1, e2], flat: flat)
        let scorer = Scorer(policy: Team.policy([card], roles: ["平台运营": "ops"]), inputs: inputs)
        let rows = scorer.score(e1, period: Team.october)
        #expect(Team.line(rows, "E1", "conversion_rate")?.points == 60)
        #expect(Team.line(rows, "E1", "rating:工作态度")?.points == 45)
        let total = try #require(Team.line(rows, "E1", "total"))
        #expect(total.total == 0)
        #expect(total.grade == "VETO")
        #expect(total.veto?.en == "V-7 false advertising on 2026-10-21 (violations.csv:3)")
        #expect(total.veto?.zh == "V-7 虚假宣传，2026-10-21（violations.csv:3）")
        #expect(rows.allSatisfy { $0.grade == "VETO" })

        let e2October = scorer.score(e2, period: Team.october)
        #expect(Team.line(e2October, "E2", "total")?.total == 105)
        #expect(Team.line(e2October, "E2", "total")?.grade == "A")
        let e2November = scorer.score(e2, period: Team.november)
        #expect(Team.line(e2November, "E2", "total")?.veto?.en == "V-8 fake orders on 2026-11-01 (violations.csv:3)")
    }

    /// First response hours (lower is better), target 8 for everyone, 12 for new hires (first 90
    /// days), 10 for the night shift; segments in that precedence.
    ///  N1 hired 2026-09-20 (October starts on day 11 of 90): target 12; actual 9 → 12 / 9 = 1.3333 → cap 1.2.
    ///  N2 night shift, hired 2024: target 10; actual 9 → 10 / 9 = 1.1111.
    ///  N3 new hire and night: new_hire comes first → 12.
    ///  D1 day shift, hired 2024: target 8; actual 9 → 8 / 9 = 0.8889.
    ///  N1 in 2027-01 (start 2027-01-01 is past hire + 90 = 2026-12-19): back on 8.
    @Test func newHireAndNightShiftTargets() throws {
        let card = Scorecard(name: "cs", title: "客服", lines: [
            Team.metricLine(.firstResponseHours, weight: 100, targets: [
                V(value: 8), V(value: 12, segment: "new_hire"), V(value: 10, segment: "night")]),
        ])
        let people = [
            Employee(id: "N1", name: "a", role: "客服", shift: .day, hiredOn: Team.day("2026-09-20")),
            Employee(id: "N2", name: "b", role: "客服", shift: .night, hiredOn: Team.day("2024-01-01")),
            Employee(id: "N3", name: "c", role: "客服", shift: .night, hiredOn: Team.day("2026-10-10")),
            Employee(id: "D1", name: "d", role: "客服", shift: .day, hiredOn: Team.day("2024-01-01")),
        ]
        let january = Grain.month.period(containing: Team.day("2027-01-15"))
        let facts = people.map { Team.fact(.firstResponseHours, "9", id: $0.id) } + [Team.fact(.firstResponseHours, "9", id: "N1", period: january)]
        let scorer = Scorer(policy: Team.policy([card], roles: ["客服": "cs"], segments: [.newHire(days: 90), .night]),
                            inputs: ScoringInputs(facts: facts, roster: people, flat: []))
        func line(_ e: Employee, _ period: Period = Team.october) -> ScoreFact? {
            Team.line(scorer.score(e, period: period), e.id, "first_response_hours")
        }
        #expect(line(people[0])?.target == 12)
        #expect(line(people[0])?.targetBasis?.en == "12, in force all period [segment new_hire]")
        #expect(line(people[0])?.achievement == Team.d("1.2"))
        #expect(line(people[1])?.target == 10)
        #expect(line(people[1])?.achievement == Team.d("1.1111"))
        #expect(line(people[2])?.target == 12)
        #expect(line(people[3])?.target == 8)
        #expect(line(people[3])?.achievement == Team.d("0.8889"))
        #expect(line(people[0], january)?.target == 8)
        #expect(Team.line(scorer.score(people[2], period: Team.october), "N3", "total")?.targetBasis?.en == "segments: new_hire, night")
    }

    /// Lines: on-time rate 50 (actual 0.855 vs 0.95 → 0.9), refund rate 30 (no data), attitude 20 (8/10).
    ///  reweight: weights 50 and 20 scaled by 100 / 70 → 71.4286 and 28.5714; points 64.29 + 22.86 = 87.15 → B.
    ///  zero:     45 + 0 + 16 = 61 → C.
    /// The absent line keeps actual nil (never 0).
    @Test func aMetricWithNoDataIsAbsentAndItsWeightHandledAsConfigured() throws {
        let card = Scorecard(name: "wh", title: "仓储", lines: [
            Team.metricLine(.onTimeShipRate, weight: 50, targets: [V(value: Team.d("0.95"))]),
            Team.metricLine(.refundRate, weight: 30, targets: [V(value: Team.d("0.05"))]),
            Team.ratingLine("工作态度", weight: 20),
        ])
        let e = Employee(id: "W1", name: "陈磊", role: "仓储")
        let inputs = ScoringInputs(facts: [Team.fact(.onTimeShipRate, "0.855", id: "W1")], roster: [e],
                                   flat: [Team.rating("W1", "工作态度", "8")])
        let reweighted = Scorer(policy: Team.policy([card], roles: ["仓储": "wh"], missing: .reweight), inputs: inputs).score(e, period: Team.october)
        #expect(Team.line(reweighted, "W1", "on_time_ship_rate")?.effectiveWeight == Team.d("71.4286"))
        #expect(Team.line(reweighted, "W1", "on_time_ship_rate")?.points == Team.d("64.29"))
        #expect(Team.line(reweighted, "W1", "rating:工作态度")?.points == Team.d("22.86"))
        let absent = try #require(Team.line(reweighted, "W1", "refund_rate"))
        #expect(absent.actual == nil)
        #expect(absent.effectiveWeight == 0)
        #expect(absent.note?.en == "NO_DATA: no data in the period; weight moved to lines with data (missing_data: reweight)")
        #expect(Team.line(reweighted, "W1", "total")?.total == Team.d("87.15"))
        // The total says what the policy did with the missing line's weight, beside the number.
        #expect(Team.line(reweighted, "W1", "total")?.note?.en
                == "missing_data: reweight; 30 of the weight (refund_rate 30) moved to the lines with data")
        #expect(absent.note?.zh == "NO_DATA：本期无数据；权重移至有数据的考核项（`missing_data: reweight`）")
        #expect(Team.line(reweighted, "W1", "total")?.note?.zh == "`missing_data: reweight`；权重 30（退款率 30）移至有数据的考核项")
        #expect(Team.line(reweighted, "W1", "total")?.grade == "B")

        let zeroed = Scorer(policy: Team.policy([card], roles: ["仓储": "wh"], missing: .zero), inputs: inputs).score(e, period: Team.october)
        #expect(Team.line(zeroed, "W1", "refund_rate")?.points == 0)
        #expect(Team.line(zeroed, "W1", "refund_rate")?.actual == nil)
        #expect(Team.line(zeroed, "W1", "total")?.total == 61)
        #expect(Team.line(zeroed, "W1", "refund_rate")?.note?.en == "NO_DATA: no data in the period; scored 0 (missing_data: zero)")
        #expect(Team.line(zeroed, "W1", "total")?.note?.en == "missing_data: zero; 30 of the weight (refund_rate 30) scored 0")
        #expect(Team.line(zeroed, "W1", "total")?.grade == "C")
    }

    /// Bands for tasks on time: ≥ 1.0 → 1.0, ≥ 0.8 → 0.7, else 0. Actual 0.8 → 0.7 × 100 = 70 → D.
    @Test func bandsCurve() {
        let bands = Curve.bands([.init(at: 1, achievement: 1), .init(at: Team.d("0.8"), achievement: Team.d("0.7"))])
        #expect(bands.achievement(actual: Team.d("0.8"), target: nil, lowerIsBetter: false) == Team.d("0.7"))
        #expect(bands.achievement(actual: Team.d("0.79"), target: nil, lowerIsBetter: false) == 0)
        #expect(bands.achievement(actual: 1, target: nil, lowerIsBetter: false) == 1)
        // Lower is better: at most 24 h → 1, at most 48 h → 0.5.
        let hours = Curve.bands([.init(at: 48, achievement: Team.d("0.5")), .init(at: 24, achievement: 1)])
        #expect(hours.achievement(actual: 20, target: nil, lowerIsBetter: true) == 1)
        #expect(hours.achievement(actual: 30, target: nil, lowerIsBetter: true) == Team.d("0.5"))
        #expect(hours.achievement(actual: 49, target: nil, lowerIsBetter: true) == 0)
    }

    /// Someone whose role has no scorecard is listed, not scored; someone who left before October is
    /// not scored for it.
    @Test func unscoredAndInactivePeople() {
        let card = Scorecard(name: "ops", title: "平台运营", lines: [Team.ratingLine("工作态度", weight: 100)])
        let left = Employee(id: "L1", name: "x", role: "平台运营", leftOn: Team.day("2026-09-30"))
        let intern = Employee(id: "I1", name: "y", role: "实习生")
        let inputs = ScoringInputs(facts: [Team.fact(.orders, "5", scope: .company, id: "all")], roster: [left, intern],
                                   flat: [Team.rating("L1", "工作态度", "9")])
        let scorer = Scorer(policy: Team.policy([card], roles: ["平台运营": "ops"]), inputs: inputs)
        #expect(scorer.unscored.map(\.id) == ["I1"])
        #expect(scorer.scoreAll().isEmpty)
    }

    /// The cap is said, not hidden: the achievement before it when it cut, for linear curves only.
    @Test func theAchievementBeforeTheCap() {
        let curve = Curve.linear(cap: Decimal(string: "1.2")!)
        #expect(curve.uncapped(actual: 135, target: 100, lowerIsBetter: false) == Decimal(string: "1.35"))
        #expect(curve.uncapped(actual: 110, target: 100, lowerIsBetter: false) == nil)
        // Lower is better: 15 h target, 10 h actual → 1.5.
        #expect(curve.uncapped(actual: 10, target: 15, lowerIsBetter: true) == Decimal(string: "1.5"))
        #expect(curve.uncapped(actual: 0, target: 15, lowerIsBetter: true) == nil)
        #expect(Curve.bands([.init(at: 1, achievement: 2)]).uncapped(actual: 5, target: 1, lowerIsBetter: false) == nil)
    }
}
