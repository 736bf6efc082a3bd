import Foundation
import KPIFacts
import KPISchema
@testable import KPIScoring

/// A small team, its facts and ratings, built in code so every expected number can be worked out
/// by hand in the tests' comments.
enum Team {
    static let october = Grain.month.period(containing: CivilDate(year: 2026, month: 10, day: 1)!)
    static let november = Grain.month.period(containing: CivilDate(year: 2026, month: 11, day: 1)!)

    static func d(_ text: String) -> Decimal { Decimal(string: text)! }
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func fact(_ metric: MetricID, _ value: String, scope: ScopeType = .employee, id: String, period: Period = october,
                     profile: String = "cn", records: Int = 10) -> FactMetric {
        FactMetric(grain: period.grain, periodStart: period.start, periodEnd: period.end, timezone: "Asia/Shanghai",
                   scopeType: scope, scopeID: id, metric: metric.rawValue, profile: profile, profileVersion: 1,
                   definition: "\(profile)/v1", value: d(value), numerator: nil, denominator: nil, unit: metric.unit,
                   currency: nil, recordCount: records)
    }

    static func lineage(_ file: String, _ line: Int) -> Lineage {
        Lineage(connector: "test", file: file, line: line, contentHash: "", runID: 1)
    }

    static func rating(_ employee: String, _ criterion: String, _ score: String, max: String = "10", line: Int = 2,
                       rater: String? = nil, role: String? = nil) -> FlatRecord {
        let schema = FlatKind.manualRating.schema
        var values = [FlatValue?](repeating: nil, count: schema.fields.count)
        values[schema.index(of: "employee_id")!] = .text(employee)
        values[schema.index(of: "period")!] = .text("2026-10")
        values[schema.index(of: "criterion")!] = .text(criterion)
        values[schema.index(of: "score")!] = .decimal(d(score))
        values[schema.index(of: "max_score")!] = .decimal(d(max))
        if let rater { values[schema.index(of: "rater")!] = .text(rater) }
        if let role { values[schema.index(of: "rater_role")!] = .text(role) }
        return FlatRecord(kind: .manualRating, values: values, lineage: lineage("ratings.csv", line))
    }

    static func violation(_ id: String, employee: String?, shop: String? = nil, kind: String, at iso: String,
                          severity: String? = nil, line: Int = 3) -> FlatRecord {
        let schema = FlatKind.violation.schema
        var values = [FlatValue?](repeating: nil, count: schema.fields.count)
        values[schema.index(of: "violation_id")!] = .text(id)
        values[schema.index(of: "kind")!] = .text(kind)
        values[schema.index(of: "occurred_at")!] = .timestamp(Timestamp(instant: Instant(iso8601: iso)!, zone: "UTC"))
        if let employee { values[schema.index(of: "employee_id")!] = .text(employee) }
        if let shop { values[schema.index(of: "shop")!] = .text(shop) }
        if let severity { values[schema.index(of: "severity")!] = .text(severity) }
        return FlatRecord(kind: .violation, values: values, lineage: lineage("violations.csv", line))
    }

    static func metricLine(_ metric: MetricID, weight: Decimal, targets: [TargetSchedule.Version], scope: LineScope = .employee,
                           curve: Curve = .linear(cap: Decimal(string: "1.2")!)) -> ScoreLine {
        ScoreLine(source: .metric(metric, profile: "cn", scope: scope), weight: weight, lowerIsBetter: metric.lowerIsBetter,
                  curve: curve, targets: TargetSchedule(targets))
    }

    static func ratingLine(_ criterion: String, weight: Decimal) -> ScoreLine {
        ScoreLine(source: .rating(criterion: criterion), weight: weight, lowerIsBetter: false,
                  curve: .linear(cap: Decimal(string: "1.2")!), targets: TargetSchedule([]))
    }

    static func policy(_ cards: [Scorecard], roles: [String: String], rule: TargetRule = .latest,
                       missing: ScoringPolicy.MissingData = .reweight, segments: [Segment] = [],
                       providers: ProviderPolicy? = nil) -> ScoringPolicy {
        ScoringPolicy(zone: Zone("Asia/Shanghai")!, grains: [.month], scorecards: Dictionary(uniqueKeysWithValues: cards.map { ($0.name, $0) }),
                      roles: roles, targetRule: rule, missingData: missing, segments: segments, providers: providers)
    }

    static func line(_ rows: [ScoreFact], _ id: String, _ line: String) -> ScoreFact? {
        rows.first { $0.scopeID == id && $0.line == line }
    }
}
