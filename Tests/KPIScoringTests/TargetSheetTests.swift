import Foundation
import KPIFacts
import KPISchema
import Testing
@testable import KPIScoring

/// Targets from a sheet over the cards' YAML targets: who a row is for, which period, and why.
@Suite struct TargetSheetTests {
    typealias V = TargetSchedule.Version
    typealias Row = TargetSheet.Row

    static let card = Scorecard(name: "ops", title: "平台运营", lines: [
        Team.metricLine(.gmv, weight: 50, targets: [V(value: 10000)]),
        Team.metricLine(.aov, weight: 50, targets: [V(value: 200)]),
    ])
    static let e1 = Employee(id: "E1", name: "王芳", team: "A", role: "平台运营", shops: ["amazon-us"])
    static let e2 = Employee(id: "E2", name: "李雷", team: "A", role: "平台运营", shops: ["shopify-dtc"])
    static let e3 = Employee(id: "E3", name: "张伟", team: "A", role: "平台运营")

    static func row(_ subject: TargetSheet.Subject, _ line: String, _ span: TargetSheet.Span, _ value: String, at: Int,
                    name: String? = nil) -> Row {
        Row(subject: subject, line: line, span: span, value: Team.d(value), name: name, origin: "targets.csv:\(at)")
    }

    /// gmv 9000 and aov 225 for everyone in October, gmv 9000 for E3 in November.
    ///  E1: own row, 12000 for 2026-10 → 0.75 → 37.5; team A's aov 250 from 09-01 → 0.9 → 45; total 82.5.
    ///  E2: no own row; shop shopify-dtc's 8000 from 10-01 (all October) → 1.125 → 56.25; aov 45; total 101.25.
    ///  E3: no own row, no shop; team A's 5000 for 2026-10 → 1.8, capped 1.2 → 60.
    ///      November: no team row for it, no dated gmv row → the YAML 10000 → 0.9 (aov has no November
    ///      data, so gmv carries the card's weight).
    @Test func aPersonsRowThenTheirShopsThenTheirTeamsThenTheYAML() throws {
        let october = Period.init(naming: "2026-10", grain: nil)!
        var policy = Team.policy([Self.card], roles: ["平台运营": "ops"])
        policy.targetSheet = TargetSheet([
            Self.row(.employee("E1"), "gmv", .period(october), "12000", at: 2),
            Self.row(.shop("shopify-dtc"), "gmv", .from(Team.day("2026-10-01")), "8000", at: 3),
            Self.row(.team("A"), "aov", .from(Team.day("2026-09-01")), "250", at: 4),
            Self.row(.team("A"), "gmv", .period(october), "5000", at: 5),
        ])
        var facts: [FactMetric] = []
        for id in ["E1", "E2", "E3"] { facts += [Team.fact(.gmv, "9000", id: id), Team.fact(.aov, "225", id: id)] }
        facts.append(Team.fact(.gmv, "9000", id: "E3", period: Team.november))
        let scorer = Scorer(policy: policy, inputs: ScoringInputs(facts: facts, roster: [Self.e1, Self.e2, Self.e3], flat: []))

        let e1 = scorer.score(Self.e1, period: Team.october)
        #expect(Team.line(e1, "E1", "gmv")?.target == 12000)
        #expect(Team.line(e1, "E1", "gmv")?.targetBasis?.en == "12000 set for 2026-10 for employee E1 (targets.csv:2)")
        #expect(Team.line(e1, "E1", "gmv")?.points == Team.d("37.5"))
        #expect(Team.line(e1, "E1", "aov")?.targetBasis?.en == "250 from 2026-09-01 (team A, targets.csv:4), in force all period")
        #expect(Team.line(e1, "E1", "aov")?.points == 45)
        #expect(Team.line(e1, "E1", "total")?.total == Team.d("82.5"))

        let e2 = scorer.score(Self.e2, period: Team.october)
        #expect(Team.line(e2, "E2", "gmv")?.target == 8000)
        #expect(Team.line(e2, "E2", "gmv")?.targetBasis?.en == "8000 from 2026-10-01 (shop shopify-dtc, targets.csv:3), in force all period")
        #expect(Team.line(e2, "E2", "gmv")?.points == Team.d("56.25"))
        #expect(Team.line(e2, "E2", "total")?.total == Team.d("101.25"))

        let e3 = scorer.score(Self.e3, period: Team.october)
        #expect(Team.line(e3, "E3", "gmv")?.targetBasis?.en == "5000 set for 2026-10 for team A (targets.csv:5)")
        #expect(Team.line(e3, "E3", "gmv")?.points == 60)
        let e3November = scorer.score(Self.e3, period: Team.november)
        #expect(Team.line(e3November, "E3", "gmv")?.target == 10000)
        #expect(Team.line(e3November, "E3", "gmv")?.targetBasis?.en == "10000, in force all period")
        #expect(Team.line(e3November, "E3", "gmv")?.achievement == Team.d("0.9"))
    }

    /// YAML: aov 200 from 09-01, 300 from 10-20 for everyone. The sheet gives E1 248 from 10-16, so E1's
    /// October is 200 for 15 days then 248 (the YAML's later 300 is not E1's); E2 keeps the YAML.
    ///  latest:   E1 248 → 223.20 / 248 = 0.9 → 90; E2 300 → 0.744 → 74.4.
    ///  prorated: E1 (200 × 15 + 248 × 16) / 31 = 224.7742 → 0.993 → 99.3.
    @Test func aDatedRowContinuesTheYAMLVersionsUnderTheTargetRule() throws {
        let card = Scorecard(name: "ops", title: "平台运营", lines: [
            Team.metricLine(.aov, weight: 100, targets: [V(value: 200, from: Team.day("2026-09-01")),
                                                         V(value: 300, from: Team.day("2026-10-20"))]),
        ])
        let sheet = TargetSheet([Self.row(.employee("E1"), "aov", .from(Team.day("2026-10-16")), "248", at: 7)])
        let inputs = ScoringInputs(facts: [Team.fact(.aov, "223.20", id: "E1"), Team.fact(.aov, "223.20", id: "E2")],
                                   roster: [Self.e1, Self.e2], flat: [])

        var latest = Team.policy([card], roles: ["平台运营": "ops"], rule: .latest)
        latest.targetSheet = sheet
        let e1 = try #require(Team.line(Scorer(policy: latest, inputs: inputs).score(Self.e1, period: Team.october), "E1", "aov"))
        #expect(e1.target == 248)
        #expect(e1.targetBasis?.en == "248 from 2026-10-16 (employee E1, targets.csv:7), in force at period end; replaced 200 from 2026-09-01 (15d)")
        #expect(e1.points == 90)
        let e2 = try #require(Team.line(Scorer(policy: latest, inputs: inputs).score(Self.e2, period: Team.october), "E2", "aov"))
        #expect(e2.target == 300)
        #expect(e2.points == Team.d("74.4"))

        var prorated = Team.policy([card], roles: ["平台运营": "ops"], rule: .prorated)
        prorated.targetSheet = sheet
        let p = try #require(Team.line(Scorer(policy: prorated, inputs: inputs).score(Self.e1, period: Team.october), "E1", "aov"))
        #expect(p.target == Team.d("224.7742"))
        #expect(p.targetBasis?.en == "prorated by days: (200 × 15d + 248 × 16d) / 31d; employee E1, targets.csv:7")
        #expect(p.points == Team.d("99.3"))
    }

    /// Each row the roster cannot place is named, with its line; a person's own dated row early enough
    /// settles two shops' targets.
    @Test func rowsTheRosterCannotPlace() {
        let october = Period(naming: "2026-10", grain: nil)!
        let both = Employee(id: "E4", name: "赵敏", team: "B", role: "平台运营", shops: ["amazon-us", "walmart-us"])
        let settled = Employee(id: "E5", name: "周杰", team: "B", role: "平台运营", shops: ["amazon-ca", "walmart-ca"])
        let support = Employee(id: "S1", name: "Amy", team: "C", role: "客服")
        let desk = Scorecard(name: "support", title: "客服", lines: [Team.metricLine(.csat, weight: 100, targets: [V(value: Team.d("0.9"))])])
        let policy = Team.policy([Self.card, desk], roles: ["平台运营": "ops", "客服": "support"])
        let sheet = TargetSheet([
            Self.row(.employee("E9"), "gmv", .period(october), "100", at: 2),
            Self.row(.employee("E1"), "gmv", .period(october), "100", at: 3, name: "李雷"),
            Self.row(.employee("S1"), "gmv", .period(october), "100", at: 4),
            Self.row(.shop("ebay-us"), "gmv", .period(october), "100", at: 5),
            Self.row(.team("Z"), "gmv", .period(october), "100", at: 6),
            Self.row(.shop("amazon-us"), "gmv", .from(Team.day("2026-10-01")), "100", at: 7),
            Self.row(.shop("walmart-us"), "gmv", .period(october), "100", at: 8),
            Self.row(.shop("amazon-ca"), "gmv", .period(october), "100", at: 9),
            Self.row(.shop("walmart-ca"), "gmv", .period(october), "100", at: 10),
            Self.row(.employee("E5"), "gmv", .from(Team.day("2026-09-01")), "100", at: 11),
        ])
        #expect(sheet.problems(roster: [Self.e1, both, settled, support], policy: policy).map(\.en) == [
            "targets.csv:2: employee E9 is not on the roster; correct the id (工号) or add the person to the roster",
            "targets.csv:3: employee E1 is 王芳 on the roster, but the sheet says 李雷; one of them names the wrong person",
            "targets.csv:4: employee S1 (Amy) is scored on `support`, which has no line `gmv`",
            "targets.csv:5: shop ebay-us: nobody scored on the roster runs this shop (the roster's shops column)",
            "targets.csv:6: team Z: nobody scored on the roster is on this team",
            "E4 (赵敏) runs shop amazon-us and shop walmart-us, each with a target for `gmv` in the same days (targets.csv:7, targets.csv:8); "
                + "give E4 a row of their own for `gmv` in force from 2026-10-01 or earlier",
        ])
    }

    /// YAML aov 200; shop amazon-us 250 from 1 October; E1, who runs it, 260 from 1 November; prorated.
    /// October is the shop's 250 all month; the fourth quarter is the shop's 250 for October's 31 days, then
    /// E1's own 260 for 61: (250 × 31 + 260 × 61) / 92 = 23610 / 92 = 256.6304 — the days before E1's row
    /// come from the shop, never skipped back to the YAML.
    @Test func theDaysBeforeAPersonsRowComeFromTheirShop() throws {
        let line = Team.metricLine(.aov, weight: 100, targets: [V(value: 200)])
        let sheet = TargetSheet([Self.row(.shop("amazon-us"), "aov", .from(Team.day("2026-10-01")), "250", at: 2),
                                 Self.row(.employee("E1"), "aov", .from(Team.day("2026-11-01")), "260", at: 3)])
        let october = try #require(sheet.resolve(line, for: Self.e1, in: Team.october, segments: [], rule: .prorated))
        #expect(october.value == 250)
        #expect(october.basis.en == "250 from 2026-10-01 (shop amazon-us, targets.csv:2), in force all period")
        let quarter = Grain.quarter.period(containing: Team.day("2026-10-01"))
        let q4 = try #require(sheet.resolve(line, for: Self.e1, in: quarter, segments: [], rule: .prorated))
        #expect(q4.value == Team.d("256.6304"))
        #expect(q4.basis.en == "prorated by days: (250 × 31d + 260 × 61d) / 92d; shop amazon-us, targets.csv:2, employee E1, targets.csv:3")
    }

    /// A rating line with no YAML target and a row from 16 October: the basis says the target held for 16
    /// of October's 31 days and none before, rather than "all period".
    @Test func aTargetInForcePartOfThePeriodSaysSo() throws {
        let line = Team.ratingLine("工作态度", weight: 100)
        let sheet = TargetSheet([Self.row(.employee("E1"), "rating:工作态度", .from(Team.day("2026-10-16")), "8", at: 4)])
        let october = try #require(sheet.resolve(line, for: Self.e1, in: Team.october, segments: [], rule: .latest))
        #expect(october.value == 8)
        #expect(october.basis.en == "8 from 2026-10-16 (employee E1, targets.csv:4), in force 16 of 31 days; no target before 2026-10-16")
        #expect(october.basis.zh == "8（2026-10-16 起）（员工 E1，targets.csv:4），生效 16/31 天；2026-10-16 之前无目标")
    }

    /// Two shops' rows for different months never meet; dated rows meet from the later one's day, which
    /// the person's own row settles only when it starts that day or earlier.
    @Test func twoShopsClashOnlyWhereTheirRowsMeet() {
        let october = Period(naming: "2026-10", grain: nil)!, november = Period(naming: "2026-11", grain: nil)!
        let both = Employee(id: "E4", name: "赵敏", team: "B", role: "平台运营", shops: ["amazon-us", "walmart-us"])
        let policy = Team.policy([Self.card], roles: ["平台运营": "ops"])
        let months = TargetSheet([Self.row(.shop("amazon-us"), "gmv", .period(october), "100", at: 2),
                                  Self.row(.shop("walmart-us"), "gmv", .period(november), "100", at: 3)])
        #expect(months.problems(roster: [both], policy: policy) == [])
        let dated = [Self.row(.shop("amazon-us"), "gmv", .from(Team.day("2026-10-01")), "100", at: 2),
                     Self.row(.shop("walmart-us"), "gmv", .from(Team.day("2026-11-01")), "100", at: 3)]
        #expect(TargetSheet(dated + [Self.row(.employee("E4"), "gmv", .from(Team.day("2026-11-01")), "150", at: 4)])
            .problems(roster: [both], policy: policy) == [])
        #expect(TargetSheet(dated + [Self.row(.employee("E4"), "gmv", .from(Team.day("2026-11-02")), "150", at: 4)])
            .problems(roster: [both], policy: policy).map(\.en) == [
                "E4 (赵敏) runs shop amazon-us and shop walmart-us, each with a target for `gmv` in the same days (targets.csv:2, targets.csv:3); "
                    + "give E4 a row of their own for `gmv` in force from 2026-11-01 or earlier",
            ])
    }
}
