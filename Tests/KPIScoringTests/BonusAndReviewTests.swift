import Foundation
import KPIFacts
import KPISchema
import Testing
@testable import KPIScoring

/// Grades carry the bonus coefficient the card declares, and whatever would cut pay is marked for a person
/// to decide: a veto, the lowest grade, a coefficient below 1; a provider's downgrade or termination.
@Suite struct BonusAndReviewTests {
    typealias V = TargetSchedule.Version

    /// aov target 200, one line of weight 100: E1 223.20 → 1.116 → 111.6 (S); E2 170 → 0.85 → 85 (B);
    /// E3 130 → 0.65 → 65 (C); E4 100 → 0.5 → 50 (D). The card's own coefficients win over the file's.
    @Test func eachGradeCarriesItsCoefficientAndCutsAreMarked() throws {
        var card = Scorecard(name: "ops", title: "平台运营", lines: [
            Team.metricLine(.aov, weight: 100, targets: [V(value: 200)]),
        ])
        var policy = Team.policy([card], roles: ["平台运营": "ops"])
        policy.bonus = ["S": Team.d("1.5"), "A": Team.d("1.2"), "B": 1, "C": Team.d("0.8"), "D": 0]
        let people = ["E1": "223.20", "E2": "170", "E3": "130", "E4": "100"]
        let roster = people.keys.sorted().map { Employee(id: $0, name: $0, role: "平台运营") }
        let inputs = ScoringInputs(facts: people.map { Team.fact(.aov, $0.value, id: $0.key) }, roster: roster, flat: [])
        func total(_ scorer: Scorer, _ id: String) -> ScoreFact? {
            Team.line(scorer.score(roster.first { $0.id == id }!, period: Team.october), id, "total")
        }
        let scorer = Scorer(policy: policy, inputs: inputs)
        #expect(["E1", "E2", "E3", "E4"].map { "\(total(scorer, $0)!.grade) \(total(scorer, $0)!.bonus!)" } == ["S 1.5", "B 1", "C 0.8", "D 0"])
        #expect(total(scorer, "E1")?.review == nil && total(scorer, "E2")?.review == nil)
        #expect(total(scorer, "E3")?.review?.en == "needs review: grade C (bonus ×0.8) cuts pay; a person decides")
        #expect(total(scorer, "E4")?.review?.en == "needs review: grade D, the lowest (bonus ×0); a person decides before pay is cut")
        #expect(total(scorer, "E4")?.review?.zh == "需人工复核：等级 D 为最低等级（奖金系数 ×0）；扣减薪酬前须由人来决定")
        // Every line row repeats the card's coefficient, as it repeats the grade.
        #expect(scorer.score(roster[2], period: Team.october).allSatisfy { $0.bonus == Team.d("0.8") })

        // A card's own `bonus:` over the file's; without any, no coefficient and only the lowest grade is marked.
        card.bonus = ["S": 2, "A": 1, "B": 1, "C": 1, "D": Team.d("0.5")]
        policy.scorecards["ops"] = card
        #expect(total(Scorer(policy: policy, inputs: inputs), "E3")?.bonus == 1)
        #expect(total(Scorer(policy: policy, inputs: inputs), "E3")?.review == nil)
        policy.bonus = [:]
        policy.scorecards["ops"]?.bonus = nil
        #expect(total(Scorer(policy: policy, inputs: inputs), "E4")?.bonus == nil)
        #expect(total(Scorer(policy: policy, inputs: inputs), "E4")?.review?.en == "needs review: grade D, the lowest; a person decides before pay is cut")
    }

    @Test func aProvidersDowngradeAndTerminationAwaitAPerson() {
        func move(_ before: ProviderStatusFact.Tier, _ after: ProviderStatusFact.Tier, fails: Int) -> ProviderStatusFact {
            ProviderStatusFact(provider: "P1", grain: .month, periodStart: Team.october.start, periodEnd: Team.october.end,
                               before: before, after: after, result: .fail, failing: "csat 0.8 < 0.85", consecutiveFails: fails,
                               consecutivePasses: 0)
        }
        #expect(move(.pool, .warning, fails: 1).review == nil)
        #expect(move(.warning, .downgraded, fails: 2).review?.en == "needs review: downgrade proposed after 2 failing periods; a person decides")
        #expect(move(.downgraded, .terminated, fails: 3).review?.zh == "需人工复核：连续 3 个周期未达标，建议终止合作；由人来决定")
        // Staying down is no new decision.
        #expect(move(.downgraded, .downgraded, fails: 3).review == nil)
    }
}

/// A campaign's temporary target (大促) holds through its `until` and then the one it interrupted applies again
/// by itself.
@Suite struct TemporaryTargetTests {
    typealias V = TargetSchedule.Version

    static let schedule = TargetSchedule([V(value: 200, from: Team.day("2026-09-01")),
                                          V(value: 300, from: Team.day("2026-11-01"), until: Team.day("2026-11-15"))])
    static let november = Grain.month.period(containing: Team.day("2026-11-01"))
    static let december = Grain.month.period(containing: Team.day("2026-12-01"))

    @Test func aCampaignTargetRevertsAfterItsLastDay() throws {
        // November: 300 on the 1st–15th, 200 again on the 16th–30th.
        let latest = try #require(Self.schedule.resolve(Self.november, segments: [], rule: .latest))
        #expect(latest.value == 200)
        #expect(latest.basis.en == "200 from 2026-09-01, in force at period end; replaced 300 from 2026-11-01 until 2026-11-15 (15d)")
        // Prorated: (300 × 15 + 200 × 15) / 30 = 250.
        let prorated = try #require(Self.schedule.resolve(Self.november, segments: [], rule: .prorated))
        #expect(prorated.value == 250)
        #expect(prorated.basis.en == "prorated by days: (300 × 15d + 200 × 15d) / 30d")
        // October and December never see it.
        #expect(Self.schedule.resolve(Team.october, segments: [], rule: .prorated)?.value == 200)
        #expect(Self.schedule.resolve(Self.december, segments: [], rule: .latest)?.basis.en == "200 from 2026-09-01, in force all period")
        #expect(V(value: 300, from: Team.day("2026-11-01"), until: Team.day("2026-11-15")).label.zh == "300（2026-11-01 至 2026-11-15）")
    }
}

/// `veto_severity`: a violation's 严重程度 decides between a veto and points off the total.
@Suite struct VetoSeverityTests {
    typealias V = TargetSchedule.Version

    /// One line, aov 223.20 against 200 → 1.116 → 111.6 (S) before any violation.
    static func total(_ violations: [FlatRecord], rules: [String: SeverityRule]) -> ScoreFact? {
        let card = Scorecard(name: "ops", title: "平台运营", lines: [Team.metricLine(.aov, weight: 100, targets: [V(value: 200)])])
        var policy = Team.policy([card], roles: ["平台运营": "ops"])
        policy.vetoSeverity = rules
        let e1 = Employee(id: "E1", name: "王芳", role: "平台运营", shops: ["amazon-us"])
        let inputs = ScoringInputs(facts: [Team.fact(.aov, "223.20", id: "E1")], roster: [e1], flat: violations)
        return Team.line(Scorer(policy: policy, inputs: inputs).score(e1, period: Team.october), "E1", "total")
    }

    static let rules: [String: SeverityRule] = ["严重": .veto, "一般": .deduct(10), "轻微": .deduct(5)]

    @Test func aMinorViolationCostsPointsAndASeriousOneVetoes() throws {
        // 一般 and 轻微 in October: 111.6 − 10 − 5 = 96.6 → A instead of S.
        let minor = [Team.violation("V-1", employee: "E1", kind: "false_advertising", at: "2026-10-05T02:00:00Z", severity: "一般", line: 2),
                     Team.violation("V-2", employee: nil, shop: "amazon-us", kind: "fake_orders", at: "2026-10-06T02:00:00Z", severity: "轻微", line: 3)]
        let deducted = try #require(Self.total(minor, rules: Self.rules))
        #expect(deducted.total == Team.d("96.6") && deducted.grade == "A" && deducted.veto == nil)
        #expect(deducted.note?.en == "V-1 false advertising (severity 一般) on 2026-10-05 (violations.csv:2): 10 points off the total; "
                + "V-2 fake orders (severity 轻微) on 2026-10-06 (violations.csv:3): 5 points off the total")
        // A 严重 one vetoes whatever else: total 0, VETO.
        let serious = minor + [Team.violation("V-3", employee: "E1", kind: "false_advertising", at: "2026-10-07T02:00:00Z", severity: "严重", line: 4)]
        let vetoed = try #require(Self.total(serious, rules: Self.rules))
        #expect(vetoed.grade == "VETO" && vetoed.total == 0)
        #expect(vetoed.veto?.en == "V-3 false advertising (severity 严重) on 2026-10-07 (violations.csv:4)")
        // A severity the rules do not list vetoes (the strictest reading), and says so.
        let unlisted = try #require(Self.total([Team.violation("V-4", employee: "E1", kind: "fake_orders", at: "2026-10-08T02:00:00Z",
                                                               severity: "较重")], rules: Self.rules))
        #expect(unlisted.grade == "VETO")
        #expect(unlisted.veto?.zh == "V-4 刷单（严重程度：较重），2026-10-08（violations.csv:3）；`较重` 不在 veto_severity 中，按一票否决处理")
        // Without rules every veto-kind violation vetoes, as before.
        #expect(Self.total(minor, rules: [:])?.grade == "VETO")
    }
}

/// 360 ratings: each rater role's mean, weighted by the line's `raters:`. 工作态度 out of 10 in October.
@Suite struct RaterWeightTests {
    static func line(_ ratings: [FlatRecord], raters: [String: Decimal]?) throws -> ScoreFact {
        var rating = Team.ratingLine("工作态度", weight: 100)
        rating.raters = raters
        let card = Scorecard(name: "ops", title: "平台运营", lines: [rating])
        let e1 = Employee(id: "E1", name: "王芳", role: "平台运营")
        let inputs = ScoringInputs(facts: [Team.fact(.aov, "1", id: "E1")], roster: [e1], flat: ratings)
        return try #require(Team.line(Scorer(policy: Team.policy([card], roles: ["平台运营": "ops"]), inputs: inputs).score(e1, period: Team.october),
                                      "E1", "rating:工作态度"))
    }

    static let weights: [String: Decimal] = ["lead": Team.d("0.5"), "peer": Team.d("0.3"), "cross_team": Team.d("0.2")]

    @Test func eachRoleCountsByItsWeight() throws {
        // lead 9; peers 8 and 6 (mean 7); cross-team 10: 9 × 0.5 + 7 × 0.3 + 10 × 0.2 = 8.6 of 10.
        let all = [Team.rating("E1", "工作态度", "9", line: 2, rater: "李经理", role: "lead"),
                   Team.rating("E1", "工作态度", "8", line: 3, rater: "Mike", role: "peer"),
                   Team.rating("E1", "工作态度", "6", line: 4, rater: "陈磊", role: "peer"),
                   Team.rating("E1", "工作态度", "10", line: 5, rater: "Lily", role: "cross_team")]
        let full = try Self.line(all, raters: Self.weights)
        #expect(full.actual == Team.d("8.6") && full.achievement == Team.d("0.86") && full.recordCount == 4 && full.note == nil)
        // No cross-team rating: its 0.2 goes to the others, (9 × 0.5 + 7 × 0.3) / 0.8 = 8.25; a self-rating has no weight.
        let partial = try Self.line(Array(all.prefix(3)) + [Team.rating("E1", "工作态度", "10", line: 6, rater: "王芳", role: "self")],
                                    raters: Self.weights)
        #expect(partial.actual == Team.d("8.25") && partial.recordCount == 3)
        #expect(partial.note?.en == "2026-10: left out, no weight under raters: 王芳 (self); 2026-10: no cross_team rating, its weight moved to lead, peer")
        // Without weights the raters count the same: (9 + 8 + 6 + 10) / 4 = 8.25, and the line says it is a mean.
        let plain = try Self.line(all, raters: nil)
        #expect(plain.actual == Team.d("8.25") && plain.note?.zh == "2026-10：4 位评分人的平均")
        // Only unweighted raters: no data, and why.
        let none = try Self.line([Team.rating("E1", "工作态度", "10", rater: "王芳", role: "self")], raters: Self.weights)
        #expect(none.actual == nil)
        #expect(none.note?.en.hasPrefix("NO_DATA: 2026-10: left out, no weight under raters: 王芳 (self)") == true)
    }
}
